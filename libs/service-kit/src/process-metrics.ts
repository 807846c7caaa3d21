import { collectDefaultMetrics, type Registry } from 'prom-client';

/**
 * prom-client's process and Node.js metrics under our prefix. Its names already start with
 * `process_` / `nodejs_`, so the prefix is `eventline_` alone: `eventline_process_cpu_user_seconds_total`,
 * not `eventline_process_process_…`.
 */
export function registerProcessMetrics(registry: Registry): void {
  collectDefaultMetrics({ register: registry, prefix: 'eventline_' });
}
