import type { EachBatchPayload, KafkaMessage } from 'kafkajs';
import { HeartbeatKeeper } from '../consumer/heartbeat-keeper';
import { RuntimeEvent, SkipReason } from '../instrumentation/runtime-events';
import { CompletionWindow } from '../key-order/completion-window';
import { decodeCompletedOffsets, encodeCompletedOffsets, METADATA_BUDGET } from '../key-order/completed-offsets.codec';
import { KeyScheduler, type JobResult, type KeyJob } from '../key-order/key-scheduler';
import { ProcessLimiter } from '../key-order/process-limiter';
import type { ProcessingStrategy, StrategyContext } from './processing-strategy';

interface PartitionState {
  readonly topic: string;
  readonly partition: number;
  readonly window: CompletionWindow;
  /** Finished before a restart or rebalance (from the commit metadata): skipped, not redone. */
  readonly skip: Set<bigint>;
  readonly scheduler: KeyScheduler;
  heartbeats: HeartbeatKeeper;
  lastDispatched: bigint;
  finishedSinceSync: number;
  resume?: () => void;
}

/** A record without a key has no order to keep with any other: it gets a key of its own. */
const keyOf = (message: KafkaMessage): string => (message.key ? message.key.toString('latin1') : `\u0000offset:${message.offset}`);

/**
 * Key order: the records of a partition are handed to a KeyScheduler, which runs different
 * keys concurrently and each key in order. The batch returns to kafkajs once nothing is left
 * to run (records of keys parked in a retry backoff wait in the scheduler), so a slow or
 * failing key holds up only itself.
 *
 * Commits: the watermark (every record below it finished) plus the finished records above
 * it, encoded into the commit metadata. A new owner skips those; nothing is redone that the
 * commit says finished, nothing is skipped that did not finish.
 */
export class KeyOrderStrategy implements ProcessingStrategy {
  private readonly states = new Map<string, PartitionState>();
  private readonly limiter: ProcessLimiter;

  constructor(private readonly ctx: StrategyContext) {
    this.limiter = new ProcessLimiter(ctx.keyOrder.processConcurrency);
    ctx.commits.beforeFlush(() => this.syncPositions());
  }

  async processBatch(payload: EachBatchPayload): Promise<void> {
    const { batch, resolveOffset, heartbeat, pause } = payload;
    const { topic, partition } = batch;
    const { groupId, instrumentation, ownership } = this.ctx;
    if (!ownership.owns(topic, partition) || this.ctx.stopping()) return;
    const state = await this.stateFor(topic, partition, BigInt(batch.firstOffset() ?? batch.lastOffset()));
    state.heartbeats = new HeartbeatKeeper(heartbeat, this.ctx.heartbeatIntervalMs);
    instrumentation.emit(RuntimeEvent.BatchStart, { groupId, topic, partition, firstOffset: batch.firstOffset() ?? '', lastOffset: batch.lastOffset(), size: batch.messages.length });
    const started = performance.now();

    let dispatched = 0;
    for (const message of batch.messages) {
      const offset = BigInt(message.offset);
      // A re-fetch after a pause can bring records this state already has.
      if (offset <= state.lastDispatched) continue;
      state.window.dispatch(offset);
      state.lastDispatched = offset;
      dispatched++;
      if (state.skip.delete(offset)) {
        this.finished(state, offset);
        instrumentation.emit(RuntimeEvent.RecordSkipped, { groupId, topic, partition, offset: message.offset, reason: SkipReason.FinishedBeforeRestart });
        continue;
      }
      state.scheduler.enqueue(keyOf(message), { message, offset, attempt: 1 });
    }
    // The fetch position moves on; what is committed is the watermark, not this.
    if (batch.messages.length > 0) resolveOffset(batch.lastOffset());
    state.scheduler.pump();
    await state.heartbeats.around(() => state.scheduler.whenIdle());

    // Backpressure: a parked key holds the watermark while later records finish; past the
    // window bound or the metadata budget, the partition takes nothing new until it moves.
    if (!state.resume && this.overBound(state)) {
      state.resume = pause();
      instrumentation.emit(RuntimeEvent.PartitionPaused, { groupId, topic, partition, reason: 'key-order window full' });
    }
    instrumentation.emit(RuntimeEvent.KeyOrderProgress, {
      groupId,
      topic,
      partition,
      keysInFlight: state.scheduler.keysInFlight,
      parkedKeys: state.scheduler.parkedKeys,
      watermark: state.window.watermark.toString(),
      watermarkDistance: state.window.size,
    });
    instrumentation.emit(RuntimeEvent.BatchEnd, { groupId, topic, partition, processed: dispatched, durationMs: performance.now() - started });
    await this.ctx.commits.flushIfDue();
    if (state.heartbeats.failed) {
      await this.release('rebalance');
      await this.ctx.commits.flush();
      throw state.heartbeats.failed;
    }
  }

  private overBound(state: PartitionState): boolean {
    if (state.window.size >= this.ctx.keyOrder.maxWindow) return true;
    return encodeCompletedOffsets(state.window.watermark, state.window.finishedAbove()).length > METADATA_BUDGET;
  }

  private async stateFor(topic: string, partition: number, firstOffset: bigint): Promise<PartitionState> {
    const key = `${topic}\u0000${partition}`;
    const existing = this.states.get(key);
    if (existing) return existing;
    const committed = await this.ctx.committed(topic, partition);
    const committedOffset = BigInt(committed.offset);
    const start = committedOffset >= 0n ? committedOffset : firstOffset;
    const state: PartitionState = {
      topic,
      partition,
      window: new CompletionWindow(start),
      skip: committedOffset >= 0n ? decodeCompletedOffsets(committedOffset, committed.metadata) : new Set(),
      scheduler: undefined as unknown as KeyScheduler,
      heartbeats: new HeartbeatKeeper(async () => undefined, this.ctx.heartbeatIntervalMs),
      lastDispatched: start - 1n,
      finishedSinceSync: 0,
    };
    (state as { scheduler: KeyScheduler }).scheduler = new KeyScheduler(
      this.ctx.keyOrder.partitionConcurrency,
      this.limiter,
      (job) => this.run(state, job),
      (job) => this.finished(state, job.offset),
    );
    this.states.set(key, state);
    return state;
  }

  private async run(state: PartitionState, job: KeyJob): Promise<JobResult> {
    const { topic, partition } = state;
    if (this.ctx.stopping() || !this.ctx.ownership.owns(topic, partition) || this.states.get(`${topic}\u0000${partition}`) !== state) {
      return { kind: 'abandoned' };
    }
    const outcome = await this.ctx.executor.execute(topic, partition, job.message, job.attempt, state.heartbeats);
    switch (outcome.kind) {
      case 'finished':
        return { kind: 'finished' };
      case 'retry':
        return { kind: 'retry', delayMs: outcome.delayMs, nextAttempt: outcome.nextAttempt };
      case 'stop':
        this.ctx.fatal(outcome.error);
        return { kind: 'abandoned' };
    }
  }

  private finished(state: PartitionState, offset: bigint): void {
    state.window.finish(offset);
    state.finishedSinceSync++;
    if (state.resume && !this.overBound(state)) {
      const resume = state.resume;
      state.resume = undefined;
      resume();
      this.ctx.instrumentation.emit(RuntimeEvent.PartitionResumed, { groupId: this.ctx.groupId, topic: state.topic, partition: state.partition, reason: 'key-order window drained' });
    }
  }

  /** Pushes every partition's watermark and finished-above set into the offset tracker. */
  private syncPositions(): void {
    for (const state of this.states.values()) {
      if (this.ctx.ownership.owns(state.topic, state.partition)) this.syncState(state);
    }
  }

  private syncState(state: PartitionState): void {
    const watermark = state.window.watermark;
    this.ctx.tracker.markWatermark(state.topic, state.partition, watermark, encodeCompletedOffsets(watermark, state.window.finishedAbove()), state.finishedSinceSync);
    state.finishedSinceSync = 0;
  }

  /**
   * Releases every partition. On a rebalance (kafkajs rejoins without waiting for us) the
   * positions reached so far are recorded for the commit at once, queued and parked records
   * are dropped, and the running ones run out: those that finish before the new assignment
   * arrives are recorded too (the consumer commits them with the old generation); later ones
   * are redone by the next owner (at-least-once). On shutdown the running ones finish first,
   * so their positions are committed too. Either way the next owner starts from the commit.
   */
  async release(reason: 'rebalance' | 'shutdown' = 'rebalance'): Promise<void> {
    const states = [...this.states.values()];
    if (reason === 'rebalance') {
      this.syncPositions();
      this.states.clear();
      await Promise.all(states.map((s) => s.scheduler.close()));
      for (const state of states) if (this.ctx.ownership.mayFinish(state.topic, state.partition)) this.syncState(state);
      return;
    }
    await Promise.all(states.map((s) => s.scheduler.close()));
    this.syncPositions();
    this.states.clear();
  }
}
