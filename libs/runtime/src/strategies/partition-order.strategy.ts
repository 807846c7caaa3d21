import type { EachBatchPayload } from 'kafkajs';
import { HeartbeatKeeper } from '../consumer/heartbeat-keeper';
import { RuntimeEvent } from '../instrumentation/runtime-events';
import type { ProcessingStrategy, StrategyContext } from './processing-strategy';

/**
 * One record at a time per partition, in offset order. A record that must be retried stops
 * the batch: the partition is paused for the backoff and its position stays on that record,
 * so nothing after it runs first. Other partitions are other batches and keep flowing.
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

  async processBatch(payload: EachBatchPayload): Promise<void> {
    const { batch, resolveOffset, isRunning, isStale, pause, heartbeat } = payload;
    const { topic, partition } = batch;
    const { groupId, executor, tracker, commits, ownership, retries, pauses, instrumentation } = this.ctx;
    const heartbeats = new HeartbeatKeeper(heartbeat, this.ctx.heartbeatIntervalMs);
    const started = performance.now();
    let processed = 0;
    instrumentation.emit(RuntimeEvent.BatchStart, {
      groupId,
      topic,
      partition,
      firstOffset: batch.firstOffset() ?? '',
      lastOffset: batch.lastOffset(),
      size: batch.messages.length,
    });

    for (const message of batch.messages) {
      if (heartbeats.isDue()) await heartbeats.beatIfDue();
      // Stop before a record that this member may no longer own, or when kafkajs or our own
      // shutdown say so; its offset is not resolved, so whoever owns it next starts there.
      if (!isRunning() || isStale() || this.ctx.stopping() || !ownership.owns(topic, partition) || heartbeats.failed) break;
      const attempt = retries.attemptOf(topic, partition, message.offset);
      this.running++;
      let outcome;
      try {
        outcome = await executor.execute(topic, partition, message, attempt, heartbeats);
      } finally {
        if (--this.running === 0 && this.settledWaiters.length > 0) this.settledWaiters.splice(0).forEach((w) => w());
      }
      if (outcome.kind === 'finished') {
        retries.clear(topic, partition);
        // A record that finishes after a revoke is recorded only until the new assignment
        // arrives (the consumer commits it with the old generation); after that its next
        // owner processes it again: at-least-once. The loop check stops the batch there.
        if (!ownership.mayFinish(topic, partition)) break;
        tracker.markFinished(topic, partition, message.offset);
        resolveOffset(message.offset);
        processed++;
        continue;
      }
      if (outcome.kind === 'retry') {
        retries.scheduleNext(topic, partition, message.offset, outcome.nextAttempt);
        pauses.pauseFor(topic, partition, outcome.delayMs, pause, `retry of offset ${message.offset}`);
      } else {
        this.ctx.fatal(outcome.error);
      }
      break;
    }

    const next = tracker.position(topic, partition);
    if (next !== undefined && batch.highWatermark) {
      instrumentation.emit(RuntimeEvent.Lag, { groupId, topic, partition, lag: (BigInt(batch.highWatermark) - BigInt(next)).toString() });
    }
    instrumentation.emit(RuntimeEvent.BatchEnd, { groupId, topic, partition, processed, durationMs: performance.now() - started });
    await commits.flushIfDue();
    // A heartbeat that saw a rebalance: commit what finished while the old generation still
    // may, then hand the error to kafkajs, which rejoins the group.
    if (heartbeats.failed) {
      await commits.flush();
      throw heartbeats.failed;
    }
  }
}
