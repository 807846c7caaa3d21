import type { Type } from 'avsc';

/**
 * The registry calls the codec makes. Implementations throw `RegistryRequestError` so the
 * codec can classify failures without knowing the HTTP client; the production one wraps
 * `@kafkajs/confluent-schema-registry`, tests use an in-memory fake.
 */
export interface SchemaRegistryClient {
  /** The writer type registered under `schemaId`, parsed with `AVRO_TYPE_OPTIONS`. */
  getWriterType(schemaId: number): Promise<Type>;
  /** The id `schema` already has under `subject`; NotFound when the subject or schema is not registered. */
  lookupSchemaId(subject: string, schema: string): Promise<number>;
  /** Registers `schema` under `subject` (idempotent: an existing schema keeps its id). */
  register(subject: string, schema: string): Promise<number>;
}
