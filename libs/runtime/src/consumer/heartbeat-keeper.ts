/**
 * Keeps group membership while a handler runs longer than the heartbeat interval: kafkajs
 * only heartbeats between batches on its own, so a slow handler would otherwise miss the
 * session timeout and trigger a rebalance. A heartbeat that reports a rebalance is kept,
 * not thrown into the handler; the strategy stops after the current record and rethrows it
 * so kafkajs rejoins.
 */
export class HeartbeatKeeper {
  private failure?: unknown;
  private lastBeatAt = performance.now();

  constructor(
    private readonly heartbeat: () => Promise<void>,
    private readonly intervalMs: number,
  ) {}

  /** Runs `work`, heartbeating every interval until it settles. */
  async around<T>(work: () => Promise<T>): Promise<T> {
    const timer = setInterval(() => {
      this.lastBeatAt = performance.now();
      this.heartbeat().catch((error: unknown) => {
        this.failure ??= error;
      });
    }, this.intervalMs);
    try {
      return await work();
    } finally {
      clearInterval(timer);
    }
  }

  /**
   * A heartbeat if the interval has passed since the last one. Called between records: a
   * batch of many quick records would otherwise not heartbeat until it ends, and a joining
   * member would wait that long for the rebalance.
   */
  async beatIfDue(): Promise<void> {
    if (!this.isDue()) return;
    this.lastBeatAt = performance.now();
    try {
      await this.heartbeat();
    } catch (error) {
      this.failure ??= error;
    }
  }

  /** Synchronous check, so the per-record path awaits nothing when no heartbeat is due. */
  isDue(): boolean {
    return performance.now() - this.lastBeatAt >= this.intervalMs;
  }

  /** The first heartbeat failure seen (usually "rebalance in progress"), if any. */
  get failed(): unknown {
    return this.failure;
  }
}
