import {
  DEFAULT_SUBJECT_NAME_STRATEGY,
  EventCatalog,
  subjectFor,
  type AnyEventDefinition,
  type EventPayload,
  type EventType,
  type SubjectNameStrategy,
} from '@eventline/contracts';
import type { AvroCodec, SchemaBinding } from './avro-codec';
import type { AvroDecoder } from './avro.decoder';
import type { AvroEncoder } from './avro.encoder';

/** The catalog's events as schema bindings under `strategy`. */
export function catalogBindings(
  catalog: Readonly<Record<string, AnyEventDefinition>> = EventCatalog,
  strategy: SubjectNameStrategy = DEFAULT_SUBJECT_NAME_STRATEGY,
): SchemaBinding[] {
  return Object.values(catalog).map((entry) => ({ subject: subjectFor(entry, strategy), schema: entry.schema }));
}

/** `AvroCodec` typed by the event catalog: payload types follow from the event type. */
export class EventCodec {
  constructor(
    private readonly codec: AvroCodec,
    private readonly strategy: SubjectNameStrategy = DEFAULT_SUBJECT_NAME_STRATEGY,
  ) {}

  encoderFor<T extends EventType>(type: T): Promise<AvroEncoder<EventPayload<T>>> {
    const entry: AnyEventDefinition = EventCatalog[type];
    return this.codec.encoderFor({ subject: subjectFor(entry, this.strategy), schema: entry.schema });
  }

  async encode<T extends EventType>(type: T, payload: EventPayload<T>): Promise<Buffer> {
    return (await this.encoderFor(type)).encode(payload);
  }

  decoderFor<T extends EventType>(type: T): AvroDecoder<EventPayload<T>> {
    return this.codec.decoderFor(EventCatalog[type].schema);
  }

  /** Decodes a record whose `ce_type` is `type`, whatever version of the schema wrote it. */
  decode<T extends EventType>(type: T, value: Buffer): Promise<EventPayload<T>> {
    return this.decoderFor(type).decode(value);
  }

  assertRegistered(): Promise<void> {
    return this.codec.assertRegistered(catalogBindings(EventCatalog, this.strategy));
  }
}
