import { HeartbeatKeeper } from '../consumer/heartbeat-keeper';
import type { RecordOutcome } from '../consumer/record-executor';
import { RuntimeEvent } from '../instrumentation/runtime-events';
import type { BatchControls, ConsumedBatch } from '../kafka/consumed-record';
import type { ProcessingStrategy, StrategyContext } from './processing-strategy';

/**
 * One record at a time per partition, in offset order. A record that must be retried stops
 * the batch: the partition is paused for the backoff and its position stays on that record,
 * so nothing after it runs first. Other partitions are other batches and keep flowing.
 *
 * Records whose outcome is known synchronously (decoded from a known schema, handler not
 * async) run back to back without yielding to the event loop. Nothing outside this batch can
 * observe or change its partition's state until the loop next waits, so the per-partition
 * state is looked up once per run rather than per record, and the run's finished offsets are
 * handed to the offset tracker and the client in one call — always before the loop waits or
 * returns, so a commit triggered by anyone else (a rebalance, the commit timer) sees every
 * record finished so far, exactly as if each had been recorded on its own.
 */
export class PartitionOrderStrategy implements ProcessingStrategy {
  private running = 0;
  private settledWaiters: Array<() => void> = [];

  constructor(private readonly ctx: StrategyContext) {}

  /** Resolves once no record runs (records stop starting at a revoke or a stop; this waits out the running ones). */
  release(): Promise<void> {
    if (this.running === 0) return Promise.resolve();
    return new Promise((resolve) => this.settledWaiters.push(resolve));
  }

  async processBatch(batch: ConsumedBatch, controls: BatchControls): Promise<void> {
    const { resolveOffset, isRunning, isStale, pause } = controls;
    const { topic, partition } = batch;
    const { groupId, executor, partitions, instrumentation, run } = this.ctx;
    const state = partitions.get(topic, partition);
    // Stop before a record that this member may no longer own; its offset is not resolved,
    // so whoever owns it next starts there.
    if (state === undefined || !state.owns()) return;
    // Records of this batch belong to this generation: a later assignment ends the batch.
    const { generation, offsets } = state;
    const heartbeats = new HeartbeatKeeper(() => controls.heartbeat(), this.ctx.settings.heartbeatIntervalMs);
    const started = performance.now();
    let processed = 0;
    if (instrumentation.listens(RuntimeEvent.BatchStart)) {
      instrumentation.emit(RuntimeEvent.BatchStart, {
        groupId,
        topic,
        partition,
        firstOffset: batch.firstOffset() ?? '',
        lastOffset: batch.lastOffset(),
        size: batch.messages.length,
      });
    }

    // Finished but not yet recorded: the last offset of the current run and the run's length.
    let finishedOffset: string | undefined;
    let finishedRecords = 0;
    const recordFinished = () => {
      if (finishedOffset === undefined) return;
      offsets.markFinished(finishedOffset, finishedRecords);
      resolveOffset(finishedOffset);
      finishedOffset = undefined;
      finishedRecords = 0;
    };
    // Looked up again after every wait (`checked` false): the only time they can change.
    let checked = false;
    let assignmentVersion = -1;
    let failing = state.failing;

    for (const message of batch.messages) {
      if (heartbeats.isDue()) {
        recordFinished();
        await heartbeats.beatIfDue();
        checked = false;
      }
      if (!checked || assignmentVersion !== partitions.version) {
        assignmentVersion = partitions.version;
        failing = state.failing;
        checked = true;
        // Stop before a record that this member may no longer own, or when the client or a
        // heartbeat say so.
        if (!isRunning() || isStale() || !state.owns(generation) || heartbeats.failed) break;
      }
      // Our own shutdown may begin inside a handler (a fatal error stops the consumer).
      if (run.stopping()) break;
      const attempt = failing !== undefined && failing.offset === message.offset ? failing.attempt : 1;
      let outcome: RecordOutcome | Promise<RecordOutcome> = executor.execute(topic, partition, message, attempt, heartbeats);
      if (outcome instanceof Promise) {
        recordFinished();
        this.running++;
        try {
          outcome = await outcome;
        } finally {
          if (--this.running === 0 && this.settledWaiters.length > 0) this.settledWaiters.splice(0).forEach((w) => w());
        }
        checked = false;
      }
      if (outcome.kind === 'finished') {
        if (failing !== undefined) {
          state.retried();
          failing = undefined;
        }
        // A record that finishes after a revoke is recorded only until the new assignment
        // arrives (the consumer commits it with the old generation); after that its next
        // owner processes it again: at-least-once. The loop check stops the batch there.
        // (Only a wait can see a revoke, so a record that finished synchronously is owned.)
        if (!checked && !state.mayFinish(generation)) break;
        finishedOffset = message.offset;
        finishedRecords++;
        processed++;
        continue;
      }
      recordFinished();
      if (outcome.kind === 'retry') {
        state.retryLater(message.offset, outcome.nextAttempt);
        state.pauseFor(outcome.delayMs, pause, `retry of offset ${message.offset}`);
      } else {
        run.fatal(outcome.error);
      }
      break;
    }
    recordFinished();

    if (batch.highWatermark && instrumentation.listens(RuntimeEvent.Lag)) {
      const next = offsets.next;
      if (next !== undefined) instrumentation.emit(RuntimeEvent.Lag, { groupId, topic, partition, lag: (BigInt(batch.highWatermark) - next).toString() });
    }
    instrumentation.emit(RuntimeEvent.BatchEnd, { groupId, topic, partition, processed, durationMs: performance.now() - started });
    await this.ctx.commits.batchEnded();
    // A heartbeat that saw a rebalance: commit what finished while the old generation still
    // may, then hand the error to the client, which rejoins the group.
    if (heartbeats.failed) {
      await this.ctx.commits.rebalanceSeen();
      throw heartbeats.failed;
    }
  }
}
