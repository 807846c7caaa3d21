import type { ConsumedRecord } from '../kafka/consumed-record';
import type { ProcessLimiter } from './process-limiter';

export interface KeyJob {
  readonly message: ConsumedRecord;
  readonly offset: bigint;
  attempt: number;
}

export type JobResult =
  | { readonly kind: 'finished' }
  | { readonly kind: 'retry'; readonly delayMs: number; readonly nextAttempt: number }
  /** Not run and not finished: the partition is being released or the consumer stops. */
  | { readonly kind: 'abandoned' };

/**
 * Runs one partition's records concurrently across keys and strictly in order within a key:
 * a key has at most one record running, and a record that must be retried parks its key
 * (and only its key) for the backoff. Bounded per partition and, through the ProcessLimiter,
 * per process.
 */
export class KeyScheduler {
  private readonly queues = new Map<string, KeyJob[]>();
  private readonly runnable: string[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();
  private running = 0;
  private parked = 0;
  private closed = false;
  private idleWaiters: Array<() => void> = [];
  private drainWaiters: Array<() => void> = [];

  constructor(
    private readonly partitionLimit: number,
    private readonly limiter: ProcessLimiter,
    private readonly runJob: (job: KeyJob) => Promise<JobResult>,
    private readonly onFinished: (job: KeyJob) => void,
  ) {}

  enqueue(key: string, job: KeyJob): void {
    const queue = this.queues.get(key);
    if (queue) {
      queue.push(job);
      return;
    }
    this.queues.set(key, [job]);
    this.runnable.push(key);
  }

  /** Starts as many runnable keys as the bounds allow. */
  pump = (): void => {
    while (!this.closed && this.running < this.partitionLimit && this.runnable.length > 0) {
      if (!this.limiter.tryAcquire()) {
        this.limiter.whenFree(this.pump);
        break;
      }
      this.start(this.runnable.shift()!);
    }
    this.notify();
  };

  private start(key: string): void {
    const job = this.queues.get(key)![0];
    this.running++;
    this.runJob(job).then(
      (result) => this.settle(key, job, result),
      () => this.settle(key, job, { kind: 'abandoned' }),
    );
  }

  private settle(key: string, job: KeyJob, result: JobResult): void {
    this.running--;
    this.limiter.release();
    // A record that finished is recorded even after close: on shutdown and on a revoke its
    // position is still committed, so the next owner does not run it again.
    if (result.kind === 'finished') this.onFinished(job);
    if (this.closed || result.kind === 'abandoned') {
      this.notify();
      return;
    }
    if (result.kind === 'finished') {
      const queue = this.queues.get(key)!;
      queue.shift();
      if (queue.length > 0) this.runnable.push(key);
      else this.queues.delete(key);
    } else {
      job.attempt = result.nextAttempt;
      this.parked++;
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        this.parked--;
        if (this.closed) return;
        this.runnable.push(key);
        this.pump();
      }, result.delayMs);
      this.timers.add(timer);
    }
    this.pump();
  }

  private notify(): void {
    if (this.running === 0 && (this.runnable.length === 0 || this.closed)) {
      const waiters = this.idleWaiters;
      this.idleWaiters = [];
      waiters.forEach((w) => w());
    }
    if (this.running === 0) {
      const waiters = this.drainWaiters;
      this.drainWaiters = [];
      waiters.forEach((w) => w());
    }
  }

  /** Resolves once nothing runs and nothing is ready to run (parked keys may remain). */
  whenIdle(): Promise<void> {
    return new Promise((resolve) => {
      this.idleWaiters.push(resolve);
      this.notify();
    });
  }

  /**
   * Stops: no record starts any more, queued and parked ones are dropped (not finished, so
   * the watermark stays below them); resolves when the running ones have settled (those that
   * finish are still reported through onFinished).
   */
  close(): Promise<void> {
    this.closed = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.parked = 0;
    this.queues.clear();
    this.runnable.length = 0;
    return new Promise((resolve) => {
      this.drainWaiters.push(resolve);
      this.notify();
    });
  }

  get keysInFlight(): number {
    return this.queues.size;
  }

  get parkedKeys(): number {
    return this.parked;
  }
}
