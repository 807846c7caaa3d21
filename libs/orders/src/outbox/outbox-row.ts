import type { EventType } from '@eventline/contracts';
import type { OutboxTraceContext } from './outbox-trace-context';

/** An event waiting in (or taken from) the outbox. */
export interface OutboxEvent {
  /** The CloudEvents ce_id; kept on every re-publish so consumers can deduplicate. */
  readonly eventId: string;
  readonly type: EventType;
  /** The Kafka key: the order id. */
  readonly key: string;
  /** Position of the event in its order's history, from 1. */
  readonly seq: number;
  readonly payload: unknown;
  /** The trace context active when the change was made; absent without tracing, and in rows written before it existed. */
  readonly traceContext?: OutboxTraceContext;
}

/** A row the relay claimed: the event plus where it sits in the table. */
export interface OutboxRow extends OutboxEvent {
  /** bigserial as text: past 2^53 it must not become a JS number. */
  readonly id: string;
  /** Also the event's ce_time, so a re-publish carries the time of the original change. */
  readonly createdAt: Date;
}
