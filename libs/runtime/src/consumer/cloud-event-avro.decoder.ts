import type { ConsumedRecord } from '../kafka/consumed-record';
import type { AvroCodec } from '@eventline/codec';
import { CloudEventHeader, parseCloudEventHeaders, type EventCatalog } from '@eventline/contracts';
import { RuntimeError, RuntimeErrorCode } from '../errors/runtime.error';
import { CloudEventTypeReader } from './cloud-event-type.reader';
import type { RecordDecoder } from './record-decoder';

// A module constant: an imported binding is a getter call in CommonJS output, per use.
const ID_HEADER = CloudEventHeader.Id;

/**
 * Eventline's own records: CloudEvents binary-mode headers say the type, the value is
 * Confluent-framed Avro decoded into the catalog's current schema for that type (older
 * writer versions resolve into it). Missing or bad headers, unknown types and undecodable
 * values are poison; an unreachable registry is retriable (the codec says which).
 */
export class CloudEventAvroDecoder implements RecordDecoder {
  private readonly isKnownType = (type: string): boolean => type in this.catalog;
  private readonly types = new CloudEventTypeReader(this.isKnownType);

  constructor(
    private readonly codec: AvroCodec,
    private readonly catalog: EventCatalog,
  ) {}

  eventType(_topic: string, message: ConsumedRecord): string {
    // The shortcut reads the publisher's canonical headers; anything else gets the full parse
    // (which throws the poison error when the headers are wrong).
    return this.types.typeOf(message.headers) ?? parseCloudEventHeaders(message.headers, { isKnownType: this.isKnownType }).type;
  }

  eventId(message: ConsumedRecord): string | undefined {
    return message.headers?.[ID_HEADER]?.toString();
  }

  /** The event, synchronously once its writer schema is known; a promise for the first record of a schema. */
  decode(_topic: string, message: ConsumedRecord, eventType: string): unknown {
    if (!message.value) {
      throw new RuntimeError(RuntimeErrorCode.RecordWithoutValue, 'record has no value (a tombstone?) but carries an event type', false, true);
    }
    const decoder = this.codec.decoderFor(this.catalog[eventType as keyof EventCatalog].schema);
    // Known writer schema: decode in place, no promise per record.
    return decoder.canDecodeSync(message.value) ? decoder.decodeSync(message.value) : decoder.decode(message.value);
  }
}
