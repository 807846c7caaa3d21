/**
 * Spaces sends so that, over the run, no more than `perSecond` records go out per second.
 * Schedule-based rather than a token bucket: record n is due at start + n/rate, so a slow
 * send is caught up on instead of lowering the rate for good, and no burst exceeds one chunk.
 */
export class RateLimiter {
  private started?: number;
  private granted = 0;

  constructor(
    readonly perSecond: number,
    private readonly now: () => number = Date.now,
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  ) {
    if (!(perSecond > 0)) throw new RangeError(`rate must be > 0 records/s, got ${perSecond}`);
  }

  /** Largest chunk worth sending at once: a tenth of a second's worth, at least one. */
  get chunkSize(): number {
    return Math.max(1, Math.floor(this.perSecond / 10));
  }

  /** Resolves when `count` more records may go out. */
  async acquire(count: number): Promise<void> {
    this.started ??= this.now();
    const due = this.started + (this.granted * 1000) / this.perSecond;
    this.granted += count;
    const wait = due - this.now();
    if (wait > 0) await this.sleep(wait);
  }
}
