import avro from 'avsc';
import { BigIntLongType } from './bigint-long.type';

/**
 * How every Avro type in Eventline is built — reader types from the catalog and writer types
 * fetched from the registry alike, so resolution never mixes representations:
 *
 * - plain `long` → bigint (ids, amounts: the full 64-bit range survives);
 * - `long` with a logical type (timestamp-millis) → number: avsc sees no `logicalTypes`
 *   option, so it builds its native long, which is exact for any epoch-ms date;
 * - unions are never wrapped: we only use ["null", T], decoded as `T | null`.
 *
 * These are the rules the type generator in libs/contracts/tools follows.
 */
function typeHook(schema: avro.Schema): avro.Type | undefined {
  if (schema === 'long') return BigIntLongType;
  if (typeof schema === 'object' && schema !== null && !Array.isArray(schema)) {
    const s = schema as { type?: unknown; logicalType?: unknown };
    if (s.type === 'long' && s.logicalType === undefined) return BigIntLongType;
  }
  return undefined;
}

export const AVRO_TYPE_OPTIONS: Partial<avro.ForSchemaOptions> = Object.freeze({
  typeHook: typeHook as avro.ForSchemaOptions['typeHook'],
  wrapUnions: 'never' as const,
});

/** Parses a schema (object or JSON text). A fresh options object each time: avsc fills in its `registry`. */
export function parseAvroType(schema: unknown): avro.Type {
  const parsed = typeof schema === 'string' ? JSON.parse(schema) : schema;
  return avro.Type.forSchema(parsed as avro.Schema, { ...AVRO_TYPE_OPTIONS });
}
