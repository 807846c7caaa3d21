import { recordFullName, type AvroEventSchema, type RecordFullName } from '../avro/avro-schema.types';
import {
  DEFAULT_SUBJECT_NAME_STRATEGY,
  SubjectNameStrategy,
  subjectName,
} from '../subjects/subject-name.strategy';

/** Fields of `Payload` whose value is a string: only those can be a record key. */
export type StringKeyOf<Payload> = { [P in keyof Payload]-?: Payload[P] extends string ? P : never }[keyof Payload] &
  string;

export interface EventDefinition<S extends AvroEventSchema, T extends string, K extends string> {
  /** The CloudEvents `ce_type`; equal to the record's full name so a reader can find the schema from the header. */
  readonly type: RecordFullName<S>;
  readonly recordFullName: RecordFullName<S>;
  readonly topic: T;
  /** Payload field whose value becomes the Kafka key, so events of one entity keep their order. */
  readonly keyField: K;
  readonly schema: S;
  /** Subject under the default strategy (TopicRecordNameStrategy). */
  readonly subject: `${T}-${RecordFullName<S>}`;
}

/**
 * `defineEvent<OrderPlaced>()({ schema, topic, keyField })`: curried so the payload type is
 * given explicitly while schema, topic and key field are inferred as literals, and the key
 * field is checked against the payload at compile time.
 */
export function defineEvent<Payload>() {
  return <const S extends AvroEventSchema, const T extends string, const K extends StringKeyOf<Payload>>(definition: {
    readonly schema: S;
    readonly topic: T;
    readonly keyField: K;
  }): EventDefinition<S, T, K> => {
    const fullName = recordFullName(definition.schema);
    return {
      type: fullName,
      recordFullName: fullName,
      topic: definition.topic,
      keyField: definition.keyField,
      schema: definition.schema,
      subject: subjectName(DEFAULT_SUBJECT_NAME_STRATEGY, {
        topic: definition.topic,
        recordFullName: fullName,
      }) as `${T}-${RecordFullName<S>}`,
    };
  };
}

export type AnyEventDefinition = EventDefinition<AvroEventSchema, string, string>;

/** The subject of `definition` under `strategy`. */
export function subjectFor(definition: AnyEventDefinition, strategy: SubjectNameStrategy): string {
  return subjectName(strategy, definition);
}
