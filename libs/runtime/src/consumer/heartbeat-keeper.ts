/**
 * Keeps group membership while a handler runs longer than the heartbeat interval: kafkajs
 * only heartbeats between batches on its own, so a slow handler would otherwise miss the
 * session timeout and trigger a rebalance. A heartbeat that reports a rebalance is kept,
 * not thrown into the handler; the strategy stops after the current record and rethrows it
 * so kafkajs rejoins.
 *
 * One interval timer serves every pending piece of work of the keeper and is created only
 * when work is actually pending (an async handler's promise): a record whose handler returns
 * synchronously costs no timer, and a stream of quick async records shares one timer instead
 * of creating and clearing one each. The timer stops itself at the first tick with nothing
 * pending, so it outlives the work by at most one interval (and is unref'd: it never keeps
 * the process alive).
 */
export class HeartbeatKeeper {
  private failure?: unknown;
  private lastBeatAt = performance.now();
  private pending = 0;
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly heartbeat: () => Promise<void>,
    private readonly intervalMs: number,
  ) {}

  /** Runs `work`, heartbeating every interval until it settles. */
  async around<T>(work: () => Promise<T>): Promise<T> {
    this.enter();
    try {
      return await work();
    } finally {
      this.leave();
    }
  }

  /** Pending work begins: heartbeats run (at least every interval) until as many `leave` calls. */
  enter(): void {
    this.pending++;
    if (!this.timer) {
      this.timer = setInterval(this.tick, this.intervalMs);
      this.timer.unref();
    }
  }

  /** Pending work settled. */
  leave(): void {
    this.pending--;
  }

  private readonly tick = (): void => {
    if (this.pending === 0) {
      clearInterval(this.timer);
      this.timer = undefined;
      return;
    }
    this.lastBeatAt = performance.now();
    this.heartbeat().catch((error: unknown) => {
      this.failure ??= error;
    });
  };

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
