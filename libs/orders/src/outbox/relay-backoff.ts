/**
 * Delay before the relay's next attempt after consecutive failed rounds: exponential from
 * `minMs`, capped at `maxMs`, with full jitter so several instances that lost Kafka
 * together do not come back in lockstep.
 */
export class RelayBackoff {
  private failures = 0;

  constructor(
    private readonly minMs: number,
    private readonly maxMs: number,
    private readonly random: () => number = Math.random,
  ) {
    if (!(minMs > 0 && maxMs >= minMs)) throw new RangeError(`relay backoff needs 0 < minMs <= maxMs (got ${minMs}, ${maxMs})`);
  }

  get consecutiveFailures(): number {
    return this.failures;
  }

  /** Records a failure and returns how long to wait. */
  failed(): number {
    this.failures++;
    const ceiling = Math.min(this.maxMs, this.minMs * 2 ** Math.min(this.failures - 1, 30));
    return Math.max(this.minMs, Math.round(ceiling * this.random()));
  }

  succeeded(): void {
    this.failures = 0;
  }
}
