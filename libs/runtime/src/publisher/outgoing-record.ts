import type { RecordHeaders } from '../kafka/consumed-record';
import { isCodecError, CodecErrorCode, type AvroEncoder } from '@eventline/codec';
import { buildCloudEventHeaders, EventCatalog, type EventType } from '@eventline/contracts';
import { PublishError, PublishErrorCode } from './publish.error';
import type { PublishOptions } from './publish.types';

/** One event ready to send: encoded, keyed, with its CloudEvents headers. */
export interface OutgoingRecord {
  readonly id: string;
  readonly type: EventType;
  readonly topic: string;
  readonly key: string;
  readonly value: Buffer;
  readonly headers: RecordHeaders;
  /** Approximate bytes on the wire, for the batch size limit. */
  readonly size: number;
}

export interface RecordContext {
  readonly topic: string;
  readonly source: string;
  readonly newId: () => string;
}

// Record batch framing per record (length, attributes, deltas, header counts): an upper bound.
const RECORD_OVERHEAD_BYTES = 32;

/**
 * Validates and encodes one event. Throws a non-retriable `PublishError` for a payload that
 * does not fit its schema (naming the field paths, never the values) or for bad options, so
 * nothing of a bad event ever reaches the producer.
 */
export function buildOutgoingRecord(
  type: EventType,
  payload: unknown,
  options: PublishOptions | undefined,
  encoder: AvroEncoder<unknown>,
  context: RecordContext,
): OutgoingRecord {
  let value: Buffer;
  try {
    value = encoder.encode(payload);
  } catch (error) {
    if (isCodecError(error, CodecErrorCode.InvalidPayload)) {
      throw new PublishError(PublishErrorCode.InvalidPayload, `invalid ${type}: ${(error.paths ?? []).join('; ') || error.message}`, {
        cause: error,
        eventType: type,
        paths: error.paths ?? [],
      });
    }
    throw new PublishError(PublishErrorCode.EncodingFailed, `cannot encode ${type}: ${String(error)}`, { cause: error, eventType: type });
  }

  const key = options?.key ?? (payload as Record<string, unknown>)[EventCatalog[type].keyField];
  if (typeof key !== 'string') {
    throw new PublishError(PublishErrorCode.InvalidOptions, `${type}: the key must be a string (catalog key field ${EventCatalog[type].keyField})`, {
      eventType: type,
    });
  }

  const id = options?.id ?? context.newId();
  let cloudEvent: RecordHeaders;
  try {
    cloudEvent = buildCloudEventHeaders({ id, type, source: context.source, time: options?.time, traceparent: options?.traceparent });
  } catch (error) {
    throw new PublishError(PublishErrorCode.InvalidOptions, `${type}: ${(error as Error).message}`, { cause: error, eventType: type });
  }
  // The CloudEvents headers are the contract consumers rely on: a caller's header of the same name never replaces one.
  const headers: RecordHeaders = options?.headers ? { ...options.headers, ...cloudEvent } : cloudEvent;

  let size = RECORD_OVERHEAD_BYTES + value.length + Buffer.byteLength(key);
  for (const name in headers) {
    const header = headers[name];
    size += name.length + (typeof header === 'string' ? Buffer.byteLength(header) : Buffer.isBuffer(header) ? header.length : 0);
  }
  return { id, type, topic: context.topic, key, value, headers, size };
}
