import { Inject, Injectable } from '@nestjs/common';
import type { IdentifiedSchema } from '../store/registry-state';
import { SchemaStore } from '../store/schema-store';
import type { SchemaReference } from '../store/schemas-record';
import { RegistryErrors } from './registry.error';

export interface SchemaView {
  readonly schemaType?: string;
  readonly references?: readonly SchemaReference[];
  readonly schema: string;
}

/** /schemas/ids/{id}: schemas by global id, readable as long as any version (even soft-deleted) uses them. */
@Injectable()
export class SchemasService {
  constructor(@Inject(SchemaStore) private readonly store: SchemaStore) {}

  byId(rawId: string): SchemaView {
    const schema = this.find(rawId);
    return {
      ...(schema.schemaType ? { schemaType: schema.schemaType } : {}),
      ...(schema.references.length > 0 ? { references: schema.references } : {}),
      schema: schema.schema,
    };
  }

  rawById(rawId: string): string {
    return this.find(rawId).schema;
  }

  subjectsOf(rawId: string, includeDeleted: boolean): string[] {
    const schema = this.find(rawId);
    return [...new Set(this.store.state.usesOf(schema.id, includeDeleted).map((value) => value.subject))];
  }

  versionsOf(rawId: string, includeDeleted: boolean): Array<{ subject: string; version: number }> {
    const schema = this.find(rawId);
    return this.store.state.usesOf(schema.id, includeDeleted).map(({ subject, version }) => ({ subject, version }));
  }

  private find(rawId: string): IdentifiedSchema {
    const id = /^\d{1,10}$/.test(rawId) ? Number(rawId) : NaN;
    const schema = Number.isSafeInteger(id) ? this.store.state.schemaById(id) : undefined;
    if (!schema) throw RegistryErrors.schemaNotFound(rawId);
    return schema;
  }
}
