import { EventEmitter } from 'node:events';

/**
 * Everything the runtime does that an operator may want to count, time or log is emitted as
 * one of these named events. Metrics and logs subscribe; the hot path only emits plain
 * objects (no formatting, no payloads).
 */
export const RuntimeEvent = {
  BatchStart: 'batch.start',
  BatchEnd: 'batch.end',
  RecordProcessed: 'record.processed',
  RecordSkipped: 'record.skipped',
  RecordFailed: 'record.failed',
  RecordRetryScheduled: 'record.retry-scheduled',
  RecordDeadLettered: 'record.dead-lettered',
  DeadLetterFailed: 'dead-letter.failed',
  Commit: 'offsets.committed',
  CommitFailed: 'offsets.commit-failed',
  Rebalance: 'group.rebalance',
  GroupJoined: 'group.joined',
  PartitionPaused: 'partition.paused',
  PartitionResumed: 'partition.resumed',
  Lag: 'partition.lag',
  KeyOrderProgress: 'key-order.progress',
  ConsumerStopping: 'consumer.stopping',
  ConsumerStopped: 'consumer.stopped',
  ConsumerCrashed: 'consumer.crashed',
  Published: 'publisher.published',
  PublishFailed: 'publisher.failed',
} as const;
export type RuntimeEvent = (typeof RuntimeEvent)[keyof typeof RuntimeEvent];

/** Why a record finished without a handler (RecordSkipped); the `reason` label of the skip counter. */
export const SkipReason = {
  /** No route of this group takes the record's topic and event type. */
  NoRoute: 'no-route',
  /** Key order: the commit metadata says it finished before a restart or rebalance. */
  FinishedBeforeRestart: 'finished-before-restart',
  /** Redriven for another consumer group (RedriveHeader.ForGroup names it). */
  RedriveForOtherGroup: 'redrive-for-other-group',
} as const;
export type SkipReason = (typeof SkipReason)[keyof typeof SkipReason];

interface PartitionRef {
  readonly groupId: string;
  readonly topic: string;
  readonly partition: number;
}

/** The payload of each event. Offsets are strings (kafkajs's form), never JS numbers. */
export interface RuntimeEventPayloads {
  [RuntimeEvent.BatchStart]: PartitionRef & { firstOffset: string; lastOffset: string; size: number };
  [RuntimeEvent.BatchEnd]: PartitionRef & { processed: number; durationMs: number };
  [RuntimeEvent.RecordProcessed]: PartitionRef & { offset: string; eventType?: string; attempt: number; durationMs: number };
  [RuntimeEvent.RecordSkipped]: PartitionRef & { offset: string; eventType?: string; reason: SkipReason; /** The group it was redriven for. */ forGroup?: string };
  [RuntimeEvent.RecordFailed]: PartitionRef & { offset: string; eventType?: string; attempt: number; errorCode: string; errorClass: string };
  [RuntimeEvent.RecordRetryScheduled]: PartitionRef & { offset: string; attempt: number; delayMs: number };
  [RuntimeEvent.RecordDeadLettered]: PartitionRef & { offset: string; deadLetterTopic: string; errorCode: string; attempts: number };
  [RuntimeEvent.DeadLetterFailed]: PartitionRef & { offset: string; deadLetterTopic: string; error: string };
  [RuntimeEvent.Commit]: { groupId: string; offsets: ReadonlyArray<{ topic: string; partition: number; offset: string }> };
  [RuntimeEvent.CommitFailed]: { groupId: string; error: string };
  [RuntimeEvent.Rebalance]: { groupId: string; memberId: string };
  [RuntimeEvent.GroupJoined]: { groupId: string; memberId: string; assignment: Record<string, number[]> };
  [RuntimeEvent.PartitionPaused]: PartitionRef & { reason: string };
  [RuntimeEvent.PartitionResumed]: PartitionRef & { reason: string };
  [RuntimeEvent.Lag]: PartitionRef & { lag: string };
  [RuntimeEvent.KeyOrderProgress]: PartitionRef & { keysInFlight: number; parkedKeys: number; watermark: string; watermarkDistance: number };
  [RuntimeEvent.ConsumerStopping]: { groupId: string; reason: string };
  [RuntimeEvent.ConsumerStopped]: { groupId: string };
  [RuntimeEvent.ConsumerCrashed]: { groupId: string; error: string; restart: boolean };
  [RuntimeEvent.Published]: { topic: string; count: number; durationMs: number };
  [RuntimeEvent.PublishFailed]: { topic: string; count: number; errorCode: string; retriable: boolean };
}

/** A typed EventEmitter for RuntimeEvent; one instance can be shared by publisher and consumers. */
export class RuntimeInstrumentation {
  private readonly emitter = new EventEmitter();

  constructor() {
    // Metrics, logs and tests may all listen; the default cap of 10 is for leak detection only.
    this.emitter.setMaxListeners(100);
  }

  emit<E extends RuntimeEvent>(event: E, payload: RuntimeEventPayloads[E]): void {
    // Skipping the call when nobody listens keeps an uninstrumented hot path free.
    if (this.emitter.listenerCount(event) > 0) this.emitter.emit(event, payload);
  }

  on<E extends RuntimeEvent>(event: E, listener: (payload: RuntimeEventPayloads[E]) => void): () => void {
    this.emitter.on(event, listener);
    return () => this.emitter.off(event, listener);
  }

  /** Whether anyone listens: lets a caller skip building a payload. */
  listens(event: RuntimeEvent): boolean {
    return this.emitter.listenerCount(event) > 0;
  }
}
