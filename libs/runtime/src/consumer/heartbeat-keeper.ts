/**
 * Keeps group membership while a handler runs longer than the heartbeat interval: kafkajs
 * only heartbeats between batches on its own, so a slow handler would otherwise miss the
 * session timeout and trigger a rebalance. A heartbeat that reports a rebalance is kept,
 * not thrown into the handler; the strategy stops after the current record and rethrows it
 * so kafkajs rejoins.
 */
export class HeartbeatKeeper {
  private failure?: unknown;

  constructor(
    private readonly heartbeat: () => Promise<void>,
    private readonly intervalMs: number,
  ) {}

  /** Runs `work`, heartbeating every interval until it settles. */
  async around<T>(work: () => Promise<T>): Promise<T> {
    const timer = setInterval(() => {
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

  /** A heartbeat now (kafkajs throttles it to the interval); a failure is kept like above. */
  async beat(): Promise<void> {
    try {
      await this.heartbeat();
    } catch (error) {
      this.failure ??= error;
    }
  }

  /** The first heartbeat failure seen (usually "rebalance in progress"), if any. */
  get failed(): unknown {
    return this.failure;
  }
}
