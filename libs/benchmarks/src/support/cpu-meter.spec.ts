import { CpuMeter, formatCpu, procCpuTicks } from './cpu-meter';

describe('cpu meter', () => {
  it('reads utime + stime from a /proc stat line whose command name has spaces', () => {
    const line = '4242 (java (kafka) x) S 1 4242 4242 0 -1 4194560 100 0 0 0 1500 250 0 0 20 0 90 0 1 2 3';
    expect(procCpuTicks(line)).toBe(1_750);
  });

  it('reads this process from /proc like the broker', () => {
    const meter = new CpuMeter(process.pid);
    const start = meter.snapshot();
    expect(start.brokerTicks).toEqual(expect.any(Number));
    const usage = meter.since(start);
    expect(usage.nodeCpuSeconds).toBeGreaterThanOrEqual(0);
    expect(usage.brokerCpuSeconds).toBeGreaterThanOrEqual(0);
  });

  it('says n/a for a broker it cannot see', () => {
    expect(formatCpu({ wallSeconds: 2, nodeCpuSeconds: 1 })).toBe('broker n/a · node 1.00 s (50 %)');
  });
});
