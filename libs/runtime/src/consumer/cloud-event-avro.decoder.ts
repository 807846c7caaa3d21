import type { KafkaMessage } from 'kafkajs';
import type { AvroCodec } from '@eventline/codec';
import { CloudEventHeader, parseCloudEventHeaders, type EventCatalog } from '@eventline/contracts';
import { RuntimeError, RuntimeErrorCode } from '../errors/runtime.error';
import type { RecordDecoder } from './record-decoder';

/**
 * Eventline's own records: CloudEvents binary-mode headers say the type, the value is
 * Confluent-framed Avro decoded into the catalog's current schema for that type (older
 * writer versions resolve into it). Missing or bad headers, unknown types and undecodable
 * values are poison; an unreachable registry is retriable (the codec says which).
 */
export class CloudEventAvroDecoder implements RecordDecoder {
  constructor(
    private readonly codec: AvroCodec,
    private readonly catalog: EventCatalog,
  ) {}

  eventType(_topic: string, message: KafkaMessage): string {
    return parseCloudEventHeaders(message.headers, { isKnownType: (type) => type in this.catalog }).type;
  }

  eventId(message: KafkaMessage): string | undefined {
    return message.headers?.[CloudEventHeader.Id]?.toString();
  }

  decode(_topic: string, message: KafkaMessage, eventType: string): unknown {
    if (!message.value) {
      return Promise.reject(
        new RuntimeError(RuntimeErrorCode.RecordWithoutValue, 'record has no value (a tombstone?) but carries an event type', false, true),
      );
    }
    const definition = this.catalog[eventType as keyof EventCatalog];
    const decoder = this.codec.decoderFor(definition.schema);
    // Known writer schema: decode in place, no promise per record.
    return decoder.canDecodeSync(message.value) ? decoder.decodeSync(message.value) : decoder.decode(message.value);
  }
}
