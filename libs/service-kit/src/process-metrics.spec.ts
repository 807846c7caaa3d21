import { Registry } from 'prom-client';
import { registerProcessMetrics } from './process-metrics';

describe('process metrics', () => {
  it('are named eventline_process_* and eventline_nodejs_*, never with "process" twice', async () => {
    const registry = new Registry();
    registerProcessMetrics(registry);
    const names = (await registry.getMetricsAsJSON()).map((m) => m.name);
    expect(names).toContain('eventline_process_cpu_user_seconds_total');
    expect(names).toContain('eventline_nodejs_heap_size_used_bytes');
    expect(names.filter((n) => n.includes('process_process'))).toEqual([]);
  });
});
