import type { EventPayload, EventType } from '@eventline/contracts';

/** Per-event choices; everything has a default taken from the catalog or the clock. */
export interface PublishOptions {
  /** CloudEvents `ce_id`; default a new UUID v4. Re-publishing with the same id lets consumers deduplicate. */
  readonly id?: string;
  /** CloudEvents `ce_time`; default now. */
  readonly time?: Date;
  /** W3C trace context, carried as the `traceparent` header. */
  readonly traceparent?: string;
  /** Kafka key; default the payload's catalog key field, so one entity's events share a partition. */
  readonly key?: string;
  /** Extra record headers; the CloudEvents headers always win. */
  readonly headers?: Readonly<Record<string, string>>;
}

/** One event for `publishMany`: the payload type follows from `type`. */
export type OutgoingEvent = {
  [T in EventType]: { readonly type: T; readonly payload: EventPayload<T>; readonly options?: PublishOptions };
}[EventType];

/** Where Kafka stored an event. Only ever returned once Kafka acknowledged its partition. */
export interface PublishReceipt {
  readonly id: string;
  readonly type: EventType;
  readonly topic: string;
  readonly partition: number;
  /** kafkajs's string form: offsets can exceed 2^53. */
  readonly offset: string;
}
