import type { ConsumedRecord } from '../kafka/consumed-record';

/**
 * Turns a record into (event type, event). Errors must say what they are: `poison: true`
 * for a record that can never decode (it is dead-lettered at once), `retriable: true` for
 * a passing failure such as an unreachable registry (retried without limit, never
 * dead-lettered: the record is fine).
 */
export interface RecordDecoder {
  eventType(topic: string, message: ConsumedRecord): string;
  /** The record's event id (ce_id) if it has one. */
  eventId(message: ConsumedRecord): string | undefined;
  /**
   * The event. Return it directly when it is at hand (the consumer then handles the record
   * without waiting a turn) and a promise only when decoding must wait, e.g. for the registry.
   * May throw or reject; both are decode failures.
   */
  decode(topic: string, message: ConsumedRecord, eventType: string): unknown | Promise<unknown>;
}

/** For topics that do not carry Eventline events: every record is type `*` and the event is the raw value. */
export const rawRecordDecoder: RecordDecoder = {
  eventType: () => '*',
  eventId: () => undefined,
  decode: (_topic, message) => message.value,
};
