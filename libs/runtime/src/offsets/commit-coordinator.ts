import type { Consumer } from 'kafkajs';
import { RuntimeEvent, type RuntimeInstrumentation } from '../instrumentation/runtime-events';
import type { OffsetTracker } from './offset-tracker';

/**
 * Sends what the OffsetTracker says may be committed, one commit at a time. A failed commit
 * leaves the offsets pending (they are sent again by the next flush); records after the last
 * successful commit may be redelivered, never skipped.
 */
export class CommitCoordinator {
  private inFlight: Promise<void> = Promise.resolve();
  private readonly beforeFlushHooks: Array<() => void> = [];

  constructor(
    private readonly consumer: Consumer,
    private readonly tracker: OffsetTracker,
    private readonly groupId: string,
    private readonly instrumentation: RuntimeInstrumentation,
  ) {}

  /** Strategies that keep their positions themselves (key order) push them into the tracker here. */
  beforeFlush(hook: () => void): void {
    this.beforeFlushHooks.push(hook);
  }

  /** Commits when the commit policy says so. */
  flushIfDue(): Promise<void> {
    for (const hook of this.beforeFlushHooks) hook();
    return this.tracker.isDue() ? this.flush() : Promise.resolve();
  }

  /** Commits every finished offset not yet committed. Never throws; failures are instrumented. */
  flush(): Promise<void> {
    this.inFlight = this.inFlight.then(async () => {
      for (const hook of this.beforeFlushHooks) hook();
      const offsets = this.tracker.uncommitted();
      if (offsets.length === 0) return;
      try {
        await this.consumer.commitOffsets(offsets.map((o) => ({ ...o })));
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
