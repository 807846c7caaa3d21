/**
 * The subset of Avro schema JSON our schemas use, typed read-only so the generated `as const`
 * schema objects are assignable to it. Named types other than records (enum, fixed) are
 * allowed anywhere a type is; references to named types by name are plain strings.
 */
export type AvroPrimitiveName = 'null' | 'boolean' | 'int' | 'long' | 'float' | 'double' | 'bytes' | 'string';

export interface AvroFieldSchema {
  readonly name: string;
  readonly type: AvroTypeSchema;
  readonly doc?: string;
  readonly default?: unknown;
  readonly aliases?: readonly string[];
}

export interface AvroRecordSchema {
  readonly type: 'record';
  readonly name: string;
  readonly namespace?: string;
  readonly doc?: string;
  readonly aliases?: readonly string[];
  readonly fields: readonly AvroFieldSchema[];
}

export interface AvroEnumSchema {
  readonly type: 'enum';
  readonly name: string;
  readonly namespace?: string;
  readonly doc?: string;
  readonly symbols: readonly string[];
  readonly default?: string;
}

export interface AvroArraySchema {
  readonly type: 'array';
  readonly items: AvroTypeSchema;
}

export interface AvroMapSchema {
  readonly type: 'map';
  readonly values: AvroTypeSchema;
}

export interface AvroFixedSchema {
  readonly type: 'fixed';
  readonly name: string;
  readonly namespace?: string;
  readonly size: number;
}

/** A primitive with attributes, e.g. `{ "type": "long", "logicalType": "timestamp-millis" }`. */
export interface AvroAnnotatedPrimitiveSchema {
  readonly type: AvroPrimitiveName;
  readonly logicalType?: string;
}

export type AvroTypeSchema =
  | string
  | AvroRecordSchema
  | AvroEnumSchema
  | AvroArraySchema
  | AvroMapSchema
  | AvroFixedSchema
  | AvroAnnotatedPrimitiveSchema
  | readonly AvroTypeSchema[];

/** A top-level event schema: a record that must carry a namespace (subjects and ce_type use it). */
export interface AvroEventSchema extends AvroRecordSchema {
  readonly namespace: string;
}

export type RecordFullName<S extends { readonly namespace: string; readonly name: string }> =
  `${S['namespace']}.${S['name']}`;

export function recordFullName<S extends AvroEventSchema>(schema: S): RecordFullName<S> {
  return `${schema.namespace}.${schema.name}` as RecordFullName<S>;
}
