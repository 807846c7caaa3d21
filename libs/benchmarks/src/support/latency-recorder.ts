import { build, type Histogram } from 'hdr-histogram-js';

export interface LatencyFigures {
  readonly count: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly p999Ms: number;
  readonly maxMs: number;
}

/**
 * Send-to-handler latency per event id, in an HDR histogram (microseconds, 3 significant
 * digits, up to 60 s). Sender and handler run in this process, so one clock serves both.
 */
export class LatencyRecorder {
  private readonly sentAt = new Map<string, number>();
  private readonly histogram: Histogram = build({ lowestDiscernibleValue: 1, highestTrackableValue: 60_000_000, numberOfSignificantValueDigits: 3 });
  received = 0;

  sent(id: string): void {
    this.sentAt.set(id, performance.now());
  }

  arrived(id: string | undefined): void {
    if (id === undefined) return;
    const at = this.sentAt.get(id);
    if (at === undefined) return;
    this.sentAt.delete(id);
    this.histogram.recordValue(Math.max(1, Math.round((performance.now() - at) * 1_000)));
    this.received++;
  }

  figures(): LatencyFigures {
    const ms = (p: number) => this.histogram.getValueAtPercentile(p) / 1_000;
    return { count: this.received, p50Ms: ms(50), p99Ms: ms(99), p999Ms: ms(99.9), maxMs: this.histogram.maxValue / 1_000 };
  }
}
