import { isCompatibilityLevel, type CompatibilityLevel } from '@eventline/schema-compat';

/**
 * The records of the `_schemas` topic, in Confluent Schema Registry's JSON format, so that the
 * topic stays readable by Confluent's registry and tools (and theirs by us).
 *
 * Keys are compared byte for byte by log compaction, so each key type is always written with
 * the same fields in the same order as Confluent writes them:
 *   {"keytype":"SCHEMA","subject":"s","version":1,"magic":1}      -> SchemaValue, null = hard delete
 *   {"keytype":"CONFIG","subject":null|"s","magic":0}             -> {"compatibilityLevel":"..."}, null = unset
 *   {"keytype":"DELETE_SUBJECT","subject":"s","magic":0}          -> {"subject":"s","version":N}: versions <= N soft-deleted
 *   {"keytype":"NOOP","magic":0}                                  -> null: a marker a reader waits for
 */
const KeyType = {
  Schema: 'SCHEMA',
  Config: 'CONFIG',
  DeleteSubject: 'DELETE_SUBJECT',
  Noop: 'NOOP',
} as const;

export interface SchemaReference {
  readonly name: string;
  readonly subject: string;
  readonly version: number;
}

/** One version of one subject, as stored. */
export interface SchemaValue {
  readonly subject: string;
  readonly version: number;
  readonly id: number;
  readonly schema: string;
  /** Absent means AVRO, as in Confluent's format. */
  readonly schemaType?: string;
  readonly references: readonly SchemaReference[];
  readonly deleted: boolean;
}

export type LogRecord =
  | { readonly kind: 'schema'; readonly subject: string; readonly version: number; readonly value: SchemaValue | null }
  | { readonly kind: 'config'; readonly subject: string | null; readonly level: CompatibilityLevel | null }
  | { readonly kind: 'deleteSubject'; readonly subject: string; readonly upToVersion: number | null }
  | { readonly kind: 'noop' }
  /** A key type this registry does not act on (MODE, CONTEXT...) or a record it cannot read. */
  | { readonly kind: 'ignored'; readonly reason: string };

export function schemaKey(subject: string, version: number): string {
  return JSON.stringify({ keytype: KeyType.Schema, subject, version, magic: 1 });
}

export function configKey(subject: string | null): string {
  return JSON.stringify({ keytype: KeyType.Config, subject, magic: 0 });
}

export function deleteSubjectKey(subject: string): string {
  return JSON.stringify({ keytype: KeyType.DeleteSubject, subject, magic: 0 });
}

export const NOOP_KEY = JSON.stringify({ keytype: KeyType.Noop, magic: 0 });

export function encodeSchemaValue(value: SchemaValue): string {
  return JSON.stringify({
    subject: value.subject,
    version: value.version,
    id: value.id,
    ...(value.schemaType && value.schemaType !== 'AVRO' ? { schemaType: value.schemaType } : {}),
    ...(value.references.length > 0 ? { references: value.references } : {}),
    schema: value.schema,
    deleted: value.deleted,
  });
}

export function encodeConfigValue(level: CompatibilityLevel): string {
  return JSON.stringify({ compatibilityLevel: level });
}

export function encodeDeleteSubjectValue(subject: string, upToVersion: number): string {
  return JSON.stringify({ subject, version: upToVersion });
}

/** Never throws: a record written by something else must not stop the reader. */
export function decodeLogRecord(key: Buffer | null, value: Buffer | null): LogRecord {
  const parsedKey = parseObject(key);
  if (!parsedKey) return { kind: 'ignored', reason: 'key is not a JSON object' };
  const body = value === null ? null : parseObject(value);
  if (body === undefined) return { kind: 'ignored', reason: 'value is not a JSON object' };
  const subject = parsedKey['subject'];

  switch (parsedKey['keytype']) {
    case KeyType.Schema: {
      const version = parsedKey['version'];
      if (typeof subject !== 'string' || !isPositiveInt(version)) return { kind: 'ignored', reason: 'SCHEMA key without subject and version' };
      if (body === null) return { kind: 'schema', subject, version, value: null };
      const schemaValue = toSchemaValue(body);
      if (!schemaValue) return { kind: 'ignored', reason: 'SCHEMA value without id or schema' };
      return { kind: 'schema', subject, version, value: schemaValue };
    }
    case KeyType.Config: {
      if (subject !== null && subject !== undefined && typeof subject !== 'string') return { kind: 'ignored', reason: 'CONFIG key with a bad subject' };
      const level = body?.['compatibilityLevel'] ?? null;
      if (level !== null && !isCompatibilityLevel(level)) return { kind: 'ignored', reason: `unknown compatibility level ${String(level)}` };
      return { kind: 'config', subject: subject ?? null, level };
    }
    case KeyType.DeleteSubject: {
      if (typeof subject !== 'string') return { kind: 'ignored', reason: 'DELETE_SUBJECT key without subject' };
      const version = body?.['version'];
      return { kind: 'deleteSubject', subject, upToVersion: isPositiveInt(version) ? version : null };
    }
    case KeyType.Noop:
      return { kind: 'noop' };
    default:
      return { kind: 'ignored', reason: `key type ${String(parsedKey['keytype'])} is not used by this registry` };
  }
}

function toSchemaValue(body: Record<string, unknown>): SchemaValue | undefined {
  const { subject, version, id, schema, schemaType, references, deleted } = body;
  if (typeof subject !== 'string' || !isPositiveInt(version) || !isPositiveInt(id) || typeof schema !== 'string') return undefined;
  return {
    subject,
    version,
    id,
    schema,
    ...(typeof schemaType === 'string' && schemaType !== 'AVRO' ? { schemaType } : {}),
    references: Array.isArray(references) ? references.filter(isReference) : [],
    deleted: deleted === true,
  };
}

function isReference(value: unknown): value is SchemaReference {
  const ref = value as Partial<SchemaReference> | null;
  return typeof ref === 'object' && ref !== null && typeof ref.name === 'string' && typeof ref.subject === 'string' && isPositiveInt(ref.version);
}

function isPositiveInt(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value > 0;
}

function parseObject(bytes: Buffer | null): Record<string, unknown> | undefined {
  if (bytes === null) return undefined;
  try {
    const parsed: unknown = JSON.parse(bytes.toString('utf8'));
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
