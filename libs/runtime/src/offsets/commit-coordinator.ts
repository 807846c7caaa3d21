import { RuntimeEvent, type RuntimeInstrumentation } from '../instrumentation/runtime-events';
import type { ConsumerPort } from '../kafka/kafka-client.port';
import type { OffsetTracker } from './offset-tracker';

/**
 * When a commit is sent — every trigger in one place — and sending it, one commit at a time.
 * What may be committed is the OffsetTracker's rule; whether the count or age of finished
 * records calls for a commit is its policy. The triggers:
 * - a batch ended (`batchEnded`): a commit if the policy says so;
 * - a timer (`startTimer`): the same check also when no batch arrives (an idle partition
 *   after a burst);
 * - a revoke (`revoked`): at once, while the old generation may still commit, and again once
 *   the records that were running finished;
 * - a heartbeat that saw a rebalance (`rebalanceSeen`): at once, before the client rejoins;
 * - shutdown (`stopping`): after the running records finished.
 *
 * A failed commit leaves the offsets pending (they are sent again by the next flush); records
 * after the last successful commit may be redelivered, never skipped.
 */
export class CommitCoordinator {
  private inFlight: Promise<void> = Promise.resolve();
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly consumer: Pick<ConsumerPort, 'commit'>,
    private readonly tracker: OffsetTracker,
    private readonly groupId: string,
    private readonly instrumentation: RuntimeInstrumentation,
  ) {}

  batchEnded(): Promise<void> {
    return this.tracker.isDue() ? this.flush() : Promise.resolve();
  }

  /** Checks the policy every `intervalMs` (unref'd: it never keeps the process alive). */
  startTimer(intervalMs: number): void {
    this.timer = setInterval(() => void this.batchEnded(), intervalMs);
    this.timer.unref();
  }

  /** Every partition was revoked; `released` settles once the records that were running finished. */
  revoked(released: Promise<unknown>, stillDraining: () => boolean): void {
    void this.flush();
    void released.then(() => (stillDraining() ? this.flush() : undefined));
  }

  rebalanceSeen(): Promise<void> {
    return this.flush();
  }

  /** The consumer stops: no more timer checks; the final commit is `stopping`'s, once the running records finished. */
  stopTimer(): void {
    clearInterval(this.timer);
  }

  stopping(): Promise<void> {
    return this.flush();
  }

  /** Commits every finished offset not yet committed. Never throws; failures are instrumented. */
  private flush(): Promise<void> {
    this.inFlight = this.inFlight.then(async () => {
      const offsets = this.tracker.uncommitted();
      if (offsets.length === 0) return;
      try {
        await this.consumer.commit(offsets);
        this.tracker.acknowledge(offsets);
        this.instrumentation.emit(RuntimeEvent.Commit, { groupId: this.groupId, offsets });
      } catch (error) {
        this.instrumentation.emit(RuntimeEvent.CommitFailed, {
          groupId: this.groupId,
          error: error instanceof Error ? error.message : String(error),
        });
      }
    });
    return this.inFlight;
  }
}
