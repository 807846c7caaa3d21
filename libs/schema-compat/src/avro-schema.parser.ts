import { Type } from 'avsc';
import { canonicalAvroForm } from './avro-canonical-form';
import { SchemaCompatError, SchemaCompatErrorCode } from './schema-compat.error';

/** A schema another one refers to by name (Confluent "references"), already in text form. */
export interface ReferencedSchemaText {
  /** How the referring schema names it, for error messages. */
  readonly name: string;
  readonly schema: string;
}

/** A schema avsc accepted, with the text that identifies it. */
export interface AvroSchema {
  readonly type: Type;
  /** See canonicalAvroForm: equal canonical texts mean the same schema. */
  readonly canonical: string;
}

/**
 * Parses an Avro schema as a registry receives it: JSON text, possibly naming types defined
 * in `references` (dependencies first: a reference may use the ones listed before it).
 * avsc validates names, defaults against their field types, enum symbols and unknown types.
 */
export function parseAvroSchema(text: string, references: readonly ReferencedSchemaText[] = []): AvroSchema {
  const registry: Record<string, Type> = {};
  for (const reference of references) {
    try {
      Type.forSchema(parseJson(reference.schema, `reference '${reference.name}'`) as never, { registry, noAnonymousTypes: true });
    } catch (error) {
      throw new SchemaCompatError(
        SchemaCompatErrorCode.InvalidReference,
        `referenced schema '${reference.name}' is invalid: ${messageOf(error)}`,
        { cause: error },
      );
    }
  }
  const json = parseJson(text, 'schema');
  let type: Type;
  try {
    // The Avro spec requires names on records, enums and fixed; avsc only asks when told to.
    type = Type.forSchema(json as never, { registry, noAnonymousTypes: true });
  } catch (error) {
    throw new SchemaCompatError(SchemaCompatErrorCode.InvalidSchema, `invalid Avro schema: ${messageOf(error)}`, { cause: error });
  }
  return { type, canonical: canonicalAvroForm(json) };
}

function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new SchemaCompatError(SchemaCompatErrorCode.InvalidSchema, `${what} is not valid JSON: ${messageOf(error)}`, { cause: error });
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
