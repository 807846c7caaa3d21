import { RuntimeEvent, type RuntimeInstrumentation } from '../instrumentation/runtime-events';
import type { PartitionOffsets } from '../offsets/offset-tracker';

/** Where a partition stands for this member. */
export const PartitionStatus = {
  /** Assigned: records may start. */
  Owned: 'owned',
  /**
   * Revoked, the new assignment not known yet (the eager protocol revokes everything at
   * once). Nothing starts; a record already running may still be recorded as finished, and
   * its commit goes with the old generation, which the broker accepts only until the group
   * formed again (after that it is refused and the next owner redoes it: at-least-once).
   */
  Draining: 'draining',
  /** Not assigned to this member any more. */
  Gone: 'gone',
} as const;
export type PartitionStatus = (typeof PartitionStatus)[keyof typeof PartitionStatus];

/** The record a partition is retrying and the attempt it is on next. */
export interface FailingRecord {
  readonly offset: string;
  readonly attempt: number;
}

/**
 * One assigned partition's state, in one object: whether it is ours (status and the
 * assignment generation it belongs to), the record it is retrying and its backoff pause,
 * its commit position (the offset tracker's entry), and whatever its processing strategy
 * keeps per partition (key order: its scheduler and window). The consumer's group events
 * change status and generation; strategies read and change the rest.
 *
 * A batch remembers the generation it started in: a record of an earlier generation is
 * neither started nor recorded once a new assignment arrived, even when the same partition
 * came back to this member (kafkajs then reads it again from the committed offset).
 */
export class PartitionState<StrategyState = unknown> {
  status: PartitionStatus = PartitionStatus.Owned;
  generation: number;
  offsets: PartitionOffsets;
  /** The strategy's own per-partition state; dropped at every revoke. */
  strategyState?: StrategyState;
  private failingRecord?: FailingRecord;
  private resumeTimer?: NodeJS.Timeout;

  constructor(
    readonly topic: string,
    readonly partition: number,
    generation: number,
    offsets: PartitionOffsets,
    private readonly groupId: string,
    private readonly instrumentation: RuntimeInstrumentation,
  ) {
    this.generation = generation;
    this.offsets = offsets;
  }

  /** May a record of `generation` start now? */
  owns(generation = this.generation): boolean {
    return this.status === PartitionStatus.Owned && generation === this.generation;
  }

  /** May a record of `generation` that is already running be recorded as finished? */
  mayFinish(generation = this.generation): boolean {
    return this.status !== PartitionStatus.Gone && generation === this.generation;
  }

  /** The record being retried, if any (a retry re-fetches it: matched by offset). */
  get failing(): FailingRecord | undefined {
    return this.failingRecord;
  }

  /** The attempt the record at `offset` is on: 1 unless it is the one being retried. */
  attemptAt(offset: string): number {
    const failing = this.failingRecord;
    return failing !== undefined && failing.offset === offset ? failing.attempt : 1;
  }

  retryLater(offset: string, nextAttempt: number): void {
    this.failingRecord = { offset, attempt: nextAttempt };
  }

  /** The record being retried finished. */
  retried(): void {
    this.failingRecord = undefined;
  }

  /**
   * Pauses fetching for a retry backoff. Pausing rather than sleeping inside the batch lets
   * the client keep fetching the other partitions and heartbeating; resuming re-fetches from
   * the failing record because its offset was never resolved.
   */
  pauseFor(delayMs: number, pause: () => () => void, reason: string): void {
    clearTimeout(this.resumeTimer);
    const resume = pause();
    const { groupId, topic, partition } = this;
    this.instrumentation.emit(RuntimeEvent.PartitionPaused, { groupId, topic, partition, reason });
    this.resumeTimer = setTimeout(() => {
      this.resumeTimer = undefined;
      resume();
      this.instrumentation.emit(RuntimeEvent.PartitionResumed, { groupId, topic, partition, reason: 'backoff elapsed' });
    }, delayMs);
  }

  /** Assigned again (same member, next generation): the retry and its pause carry over, the strategy state does not. */
  reassigned(generation: number, offsets: PartitionOffsets): void {
    this.status = PartitionStatus.Owned;
    this.generation = generation;
    this.offsets = offsets;
    this.strategyState = undefined;
  }

  revoked(): void {
    if (this.status === PartitionStatus.Owned) this.status = PartitionStatus.Draining;
  }

  /** The consumer stops: a backoff that ends now must not resume fetching. */
  cancelBackoff(): void {
    clearTimeout(this.resumeTimer);
    this.resumeTimer = undefined;
  }

  /** Not ours any more, or the consumer stopped: no timer may resume it. */
  gone(): void {
    this.status = PartitionStatus.Gone;
    this.failingRecord = undefined;
    clearTimeout(this.resumeTimer);
    this.resumeTimer = undefined;
  }
}
