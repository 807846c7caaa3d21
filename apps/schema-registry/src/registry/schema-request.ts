import type { SchemaReference } from '../store/schemas-record';
import { RegistryErrors } from './registry.error';

/** The body of register, lookup and compatibility requests, checked. */
export interface SchemaRequest {
  readonly schema: string;
  readonly references: readonly SchemaReference[];
}

/** Confluent's schemaType values; this registry implements AVRO only (see GET /schemas/types). */
export const SchemaType = { Avro: 'AVRO', Json: 'JSON', Protobuf: 'PROTOBUF' } as const;
export type SchemaType = (typeof SchemaType)[keyof typeof SchemaType];
export const SUPPORTED_SCHEMA_TYPES: readonly SchemaType[] = [SchemaType.Avro];

export function readSchemaRequest(body: unknown): SchemaRequest {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw RegistryErrors.invalidSchema('the request body must be a JSON object like {"schema": "..."}');
  }
  const { schema, schemaType, references } = body as Record<string, unknown>;
  if (typeof schema !== 'string' || schema.trim() === '') throw RegistryErrors.invalidSchema('"schema" must be a non-empty string holding the schema JSON');
  if (schemaType !== undefined && schemaType !== null && schemaType !== SchemaType.Avro) {
    throw RegistryErrors.invalidSchema(`schemaType ${JSON.stringify(schemaType)} is not supported; this registry stores AVRO only`);
  }
  if (references !== undefined && references !== null && !Array.isArray(references)) throw RegistryErrors.invalidSchema('"references" must be an array');
  return { schema, references: (references ?? []).map(readReference) };
}

function readReference(raw: unknown, index: number): SchemaReference {
  const ref = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const { name, subject, version } = ref;
  if (typeof name !== 'string' || name === '' || typeof subject !== 'string' || subject === '' || typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw RegistryErrors.invalidSchema(`references[${index}] must be {"name": string, "subject": string, "version": positive integer}`);
  }
  return { name, subject, version };
}
