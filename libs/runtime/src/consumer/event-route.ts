import type { RecordHeaders } from '../kafka/consumed-record';
import type { RetryPolicy } from '../retry/retry-policy';
import type { HandlerInterceptor } from './handler-interceptor';

/** How a route's partitions are processed; each mode is a strategy in strategies/. */
export const ProcessingMode = {
  /** One record at a time per partition, strictly in offset order. */
  PartitionOrder: 'partition-order',
  /**
   * Records of one partition run concurrently across keys, in order within a key; commits
   * carry a watermark plus the finished records above it (see key-order/).
   */
  KeyOrder: 'key-order',
} as const;
export type ProcessingMode = (typeof ProcessingMode)[keyof typeof ProcessingMode];

/** What a handler learns about the record it handles, besides the decoded event. */
export interface EventContext {
  readonly groupId: string;
  readonly topic: string;
  readonly partition: number;
  /** A decimal string; never a JS number. */
  readonly offset: string;
  readonly key: Buffer | null;
  readonly headers: RecordHeaders;
  /** Kafka's record timestamp, ms since the epoch, as a string. */
  readonly timestamp: string;
  readonly eventType: string;
  /** The CloudEvents id (ce_id) when the record has one: the key to deduplicate on. */
  readonly eventId?: string;
  /** 1 on the first attempt. */
  readonly attempt: number;
}

export type EventHandler<T = unknown> = (event: T, context: EventContext) => Promise<void> | void;

/**
 * A route only declares: which records (topic, and event type), who handles them, and the
 * retry and dead-letter policy. Executing it is the runner's job.
 */
export interface EventRoute<T = unknown> {
  readonly topic: string;
  /** The CloudEvents type this route handles; `*` takes every record of the topic. */
  readonly eventType: string;
  readonly handler: EventHandler<T>;
  readonly retry?: Partial<RetryPolicy>;
  /** A topic name, or false for none (then an exhausted record stops the consumer). Default `<topic>.dlq`. */
  readonly deadLetter?: string | false;
  readonly mode?: ProcessingMode;
  /** A name for logs and metrics; defaults to `<topic>/<eventType>`. */
  readonly name?: string;
  /** Around this route's handler, inside the consumer's own interceptors; the first is outermost. */
  readonly interceptors?: readonly HandlerInterceptor[];
}

export const ANY_EVENT_TYPE = '*';
