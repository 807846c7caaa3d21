import { HeartbeatKeeper } from '../consumer/heartbeat-keeper';
import type { PartitionState } from '../consumer/partition-state';
import { RuntimeEvent, SkipReason } from '../instrumentation/runtime-events';
import type { BatchControls, ConsumedBatch, ConsumedRecord } from '../kafka/consumed-record';
import { CompletionWindow } from '../key-order/completion-window';
import { decodeCompletedOffsets, encodeCompletedOffsets, METADATA_BUDGET } from '../key-order/completed-offsets.codec';
import { KeyScheduler, type JobResult, type KeyJob } from '../key-order/key-scheduler';
import { ProcessLimiter } from '../key-order/process-limiter';
import type { ProcessingStrategy, StrategyContext } from './processing-strategy';

/** What key order keeps of one partition, for one generation (PartitionState.strategyState). */
interface KeyOrderPartition {
  readonly generation: number;
  readonly window: CompletionWindow;
  /** Finished before a restart or rebalance (from the commit metadata): skipped, not redone. */
  readonly skip: Set<bigint>;
  readonly scheduler: KeyScheduler;
  heartbeats: HeartbeatKeeper;
  lastDispatched: bigint;
  /** Set at a revoke or shutdown: nothing more starts. */
  released: boolean;
  resume?: () => void;
}

type KeyOrderState = PartitionState<KeyOrderPartition>;

/** A record without a key has no order to keep with any other: it gets a key of its own. */
const keyOf = (message: ConsumedRecord): string => (message.key ? message.key.toString('latin1') : `\u0000offset:${message.offset}`);

/**
 * Key order: the records of a partition are handed to a KeyScheduler, which runs different
 * keys concurrently and each key in order. The batch returns to the client once nothing is
 * left to run (records of keys parked in a retry backoff wait in the scheduler), so a slow
 * or failing key holds up only itself.
 *
 * Commits: the watermark (every record below it finished) plus the finished records above
 * it, encoded into the commit metadata — read from the window when a commit is prepared
 * (PartitionOffsets.followWatermark). A new owner skips those; nothing is redone that the
 * commit says finished, nothing is skipped that did not finish.
 */
export class KeyOrderStrategy implements ProcessingStrategy {
  private readonly limiter: ProcessLimiter;

  constructor(private readonly ctx: StrategyContext) {
    this.limiter = new ProcessLimiter(ctx.settings.keyOrder.processConcurrency);
  }

  async processBatch(batch: ConsumedBatch, controls: BatchControls): Promise<void> {
    const { topic, partition } = batch;
    const { groupId, instrumentation, partitions } = this.ctx;
    const partitionState = partitions.get(topic, partition) as KeyOrderState | undefined;
    if (!partitionState?.owns() || this.ctx.run.stopping()) return;
    const state = await this.stateFor(partitionState, BigInt(batch.firstOffset() ?? batch.lastOffset()));
    if (!state) return;
    state.heartbeats = new HeartbeatKeeper(() => controls.heartbeat(), this.ctx.settings.heartbeatIntervalMs);
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
        this.finished(partitionState, state, offset);
        instrumentation.emit(RuntimeEvent.RecordSkipped, { groupId, topic, partition, offset: message.offset, reason: SkipReason.FinishedBeforeRestart });
        continue;
      }
      state.scheduler.enqueue(keyOf(message), { message, offset, attempt: 1 });
    }
    // The fetch position moves on; what is committed is the watermark, not this.
    if (batch.messages.length > 0) controls.resolveOffset(batch.lastOffset());
    state.scheduler.pump();
    await state.heartbeats.around(() => state.scheduler.whenIdle());

    // Backpressure: a parked key holds the watermark while later records finish; past the
    // window bound or the metadata budget, the partition takes nothing new until it moves.
    if (!state.resume && this.overBound(state)) {
      state.resume = controls.pause();
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
    await this.ctx.commits.batchEnded();
    if (state.heartbeats.failed) {
      await this.release('rebalance');
      await this.ctx.commits.rebalanceSeen();
      throw state.heartbeats.failed;
    }
  }

  private overBound(state: KeyOrderPartition): boolean {
    if (state.window.size >= this.ctx.settings.keyOrder.maxWindow) return true;
    return encodeCompletedOffsets(state.window.watermark, state.window.finishedAbove()).length > METADATA_BUDGET;
  }

  /** The partition's key-order state of this generation, made at its first batch (undefined if it was revoked meanwhile). */
  private async stateFor(partitionState: KeyOrderState, firstOffset: bigint): Promise<KeyOrderPartition | undefined> {
    const existing = partitionState.strategyState;
    if (existing && existing.generation === partitionState.generation) return existing;
    const { generation } = partitionState;
    const committed = await this.ctx.committed(partitionState.topic, partitionState.partition);
    // The lookup waited: the partition may have been revoked, or its state made by another batch.
    if (!partitionState.owns(generation)) return undefined;
    if (partitionState.strategyState?.generation === generation) return partitionState.strategyState;
    const committedOffset = BigInt(committed.offset);
    const start = committedOffset >= 0n ? committedOffset : firstOffset;
    const state: KeyOrderPartition = {
      generation,
      window: new CompletionWindow(start),
      skip: committedOffset >= 0n ? decodeCompletedOffsets(committedOffset, committed.metadata) : new Set(),
      scheduler: undefined as unknown as KeyScheduler,
      heartbeats: new HeartbeatKeeper(async () => undefined, this.ctx.settings.heartbeatIntervalMs),
      lastDispatched: start - 1n,
      released: false,
    };
    (state as { scheduler: KeyScheduler }).scheduler = new KeyScheduler(
      this.ctx.settings.keyOrder.partitionConcurrency,
      this.limiter,
      (job) => this.run(partitionState, state, job),
      (job) => this.finished(partitionState, state, job.offset),
    );
    partitionState.strategyState = state;
    const { window } = state;
    partitionState.offsets.followWatermark(() => ({ watermark: window.watermark, metadata: encodeCompletedOffsets(window.watermark, window.finishedAbove()) }));
    return state;
  }

  private async run(partitionState: KeyOrderState, state: KeyOrderPartition, job: KeyJob): Promise<JobResult> {
    if (this.ctx.run.stopping() || state.released || !partitionState.owns(state.generation)) return { kind: 'abandoned' };
    const outcome = await this.ctx.executor.execute(partitionState.topic, partitionState.partition, job.message, job.attempt, state.heartbeats);
    switch (outcome.kind) {
      case 'finished':
        return { kind: 'finished' };
      case 'retry':
        return { kind: 'retry', delayMs: outcome.delayMs, nextAttempt: outcome.nextAttempt };
      case 'stop':
        this.ctx.run.fatal(outcome.error);
        return { kind: 'abandoned' };
    }
  }

  private finished(partitionState: KeyOrderState, state: KeyOrderPartition, offset: bigint): void {
    // A record of an earlier generation that finishes after the next assignment is not
    // recorded: the commit it would join is refused, and the next owner redoes it.
    if (!partitionState.mayFinish(state.generation)) return;
    state.window.finish(offset);
    partitionState.offsets.countFinished();
    if (state.resume && !this.overBound(state)) {
      const resume = state.resume;
      state.resume = undefined;
      resume();
      this.ctx.instrumentation.emit(RuntimeEvent.PartitionResumed, { groupId: this.ctx.groupId, topic: partitionState.topic, partition: partitionState.partition, reason: 'key-order window drained' });
    }
  }

  /**
   * Releases every partition. On a rebalance (the client rejoins without waiting for us)
   * queued and parked records are dropped and the running ones run out: those that finish
   * before the new assignment arrives are recorded (the consumer commits them with the old
   * generation); later ones are redone by the next owner (at-least-once). On shutdown the
   * running ones finish first, so their positions are committed too. Either way the next
   * owner starts from the commit, which reads each window's position as it is then.
   */
  async release(_reason?: 'rebalance' | 'shutdown'): Promise<void> {
    const states: KeyOrderPartition[] = [];
    for (const partitionState of this.ctx.partitions.all() as IterableIterator<KeyOrderState>) {
      const state = partitionState.strategyState;
      if (state && !state.released) {
        state.released = true;
        states.push(state);
      }
    }
    await Promise.all(states.map((s) => s.scheduler.close()));
  }
}
