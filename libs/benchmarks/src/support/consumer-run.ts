import type { CpuMeter, CpuSnapshot, CpuUsage } from './cpu-meter';
import { waitUntil } from './waiting';

/**
 * The measured window of one consumer run: from the first record a handler sees to the
 * `expected`-th finished one. Group join and shutdown are outside it, the same for every peer.
 */
export class ConsumeWindow {
  private first?: CpuSnapshot;
  private last?: CpuSnapshot;
  private count = 0;

  constructor(
    private readonly cpu: CpuMeter,
    readonly expected: number,
  ) {}

  /** Call when a record is seen (before its handling starts). */
  started(): void {
    this.first ??= this.cpu.snapshot();
  }

  /** Call when records finished; the window closes at the expected count. */
  finished(records = 1): void {
    this.count += records;
    if (this.count >= this.expected && !this.last) this.last = this.cpu.snapshot();
  }

  get done(): number {
    return this.count;
  }

  async closed(what: string, timeoutMs: number): Promise<{ recordsPerSecond: number; cpu: CpuUsage }> {
    await waitUntil(`${what}: ${this.expected} records (have ${this.count})`, () => this.last !== undefined, timeoutMs, 2);
    const { first, last } = this;
    if (!first || !last) throw new Error(`${what}: the window closed without a first record`);
    const cpu = this.cpu.since(first, last);
    return { recordsPerSecond: this.expected / cpu.wallSeconds, cpu };
  }
}
