import { Inject, Injectable } from '@nestjs/common';
import { SchemaCompatError, parseAvroSchema, type AvroSchema, type ReferencedSchemaText } from '@eventline/schema-compat';
import { SchemaStore } from '../store/schema-store';
import type { SchemaReference, SchemaValue } from '../store/schemas-record';
import { RegistryErrors } from './registry.error';
import type { SchemaRequest } from './schema-request';

/** A schema from a request, parsed, in the form it is stored and compared in. */
export interface CandidateSchema {
  readonly parsed: AvroSchema;
  readonly schema: string;
  readonly references: readonly SchemaReference[];
}

/** Turns schema texts (requested or stored) into avsc types, resolving references from the state. */
@Injectable()
export class SchemaResolver {
  /** Parsed stored schemas by id: an id always names the same schema, so this never goes stale. */
  private readonly parsedById = new Map<number, AvroSchema>();

  constructor(@Inject(SchemaStore) private readonly store: SchemaStore) {}

  parseRequest(request: SchemaRequest): CandidateSchema {
    const parsed = this.parse(request.schema, request.references);
    // Stored in canonical form, which is what identity is decided on; Confluent also answers
    // with its own normalized text rather than the bytes it was sent.
    return { parsed, schema: parsed.canonical, references: request.references };
  }

  parseStored(value: SchemaValue): AvroSchema {
    let parsed = this.parsedById.get(value.id);
    if (!parsed) {
      parsed = this.parse(value.schema, value.references);
      this.parsedById.set(value.id, parsed);
    }
    return parsed;
  }

  private parse(schema: string, references: readonly SchemaReference[]): AvroSchema {
    try {
      return parseAvroSchema(schema, this.referencedTexts(references, new Set()));
    } catch (error) {
      if (error instanceof SchemaCompatError) throw RegistryErrors.invalidSchema(error.message, error);
      throw error;
    }
  }

  /** The texts of every schema `references` needs, dependencies before the schemas using them. */
  private referencedTexts(references: readonly SchemaReference[], seen: Set<string>): ReferencedSchemaText[] {
    const texts: ReferencedSchemaText[] = [];
    for (const ref of references) {
      const key = `${ref.subject}\u0000${ref.version}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const target = this.store.state.version(ref.subject, ref.version);
      if (!target) throw RegistryErrors.invalidSchema(`reference '${ref.name}' names subject '${ref.subject}' version ${ref.version}, which does not exist`);
      texts.push(...this.referencedTexts(target.references, seen), { name: ref.name, schema: target.schema });
    }
    return texts;
  }
}
