import type { CompatibilityLevel } from '@eventline/schema-compat';
import type { LogRecord, SchemaReference, SchemaValue } from './schemas-record';

/** What applying one record did; the writer that produced it reads this back. */
export const ApplyOutcome = {
  Applied: 'applied',
  /** The record claims an id that already names a different schema. */
  RejectedIdTaken: 'rejected-id-taken',
  /** The record claims a subject version that already holds a different schema. */
  RejectedVersionTaken: 'rejected-version-taken',
  Ignored: 'ignored',
} as const;
export type ApplyOutcome = (typeof ApplyOutcome)[keyof typeof ApplyOutcome];

/** The schema an id stands for, whatever subjects use it. */
export interface IdentifiedSchema {
  readonly id: number;
  readonly schema: string;
  readonly schemaType?: string;
  readonly references: readonly SchemaReference[];
}

/** Same schema text, type and references: what makes two registrations "the same schema". */
export function schemaIdentity(schema: { schema: string; schemaType?: string; references: readonly SchemaReference[] }): string {
  const refs = schema.references.map((ref) => [ref.name, ref.subject, ref.version]);
  return JSON.stringify([schema.schemaType ?? 'AVRO', schema.schema, refs]);
}

const useKey = (subject: string, version: number) => `${version}\u0000${subject}`;

/**
 * The registry's whole state, rebuilt by applying the `_schemas` log in order. Pure and
 * synchronous: every instance that applies the same log reaches the same state.
 *
 * The log is the serialization point between instances (see schema-store.ts), so the rules
 * that settle a race live here, applied identically by every reader:
 *  - an id names one schema forever: a record giving a known id to another schema is rejected
 *    (Confluent's KafkaStoreMessageHandler.validateUpdate has the same rule);
 *  - a subject version holds one schema: a record putting another id at a live version is
 *    rejected. Re-writing the same id there (soft delete, undelete) is allowed.
 */
export class RegistryState {
  private readonly subjects = new Map<string, Map<number, SchemaValue>>();
  private readonly schemasById = new Map<number, IdentifiedSchema>();
  private readonly idByIdentity = new Map<string, number>();
  private readonly usesOfId = new Map<number, Set<string>>();
  private readonly levels = new Map<string | null, CompatibilityLevel>();
  private highestId = 0;

  apply(record: LogRecord): ApplyOutcome {
    switch (record.kind) {
      case 'schema':
        return record.value === null ? this.forgetVersion(record.subject, record.version) : this.putVersion(record.value);
      case 'config':
        if (record.level === null) this.levels.delete(record.subject);
        else this.levels.set(record.subject, record.level);
        return ApplyOutcome.Applied;
      case 'deleteSubject':
        for (const [version, value] of this.subjects.get(record.subject) ?? []) {
          if (record.upToVersion !== null && version <= record.upToVersion) this.setVersion({ ...value, deleted: true });
        }
        return ApplyOutcome.Applied;
      default:
        return ApplyOutcome.Ignored;
    }
  }

  private putVersion(value: SchemaValue): ApplyOutcome {
    const known = this.schemasById.get(value.id);
    if (known && schemaIdentity(known) !== schemaIdentity(value)) return ApplyOutcome.RejectedIdTaken;
    const current = this.subjects.get(value.subject)?.get(value.version);
    if (current && current.id !== value.id) return ApplyOutcome.RejectedVersionTaken;
    this.setVersion(value);
    return ApplyOutcome.Applied;
  }

  private setVersion(value: SchemaValue): void {
    let versions = this.subjects.get(value.subject);
    if (!versions) this.subjects.set(value.subject, (versions = new Map()));
    versions.set(value.version, value);
    if (!this.schemasById.has(value.id)) {
      this.schemasById.set(value.id, { id: value.id, schema: value.schema, schemaType: value.schemaType, references: value.references });
      this.idByIdentity.set(schemaIdentity(value), value.id);
    }
    let uses = this.usesOfId.get(value.id);
    if (!uses) this.usesOfId.set(value.id, (uses = new Set()));
    uses.add(useKey(value.subject, value.version));
    this.highestId = Math.max(this.highestId, value.id);
  }

  private forgetVersion(subject: string, version: number): ApplyOutcome {
    const versions = this.subjects.get(subject);
    const value = versions?.get(version);
    if (!versions || !value) return ApplyOutcome.Ignored;
    versions.delete(version);
    if (versions.size === 0) this.subjects.delete(subject);
    const uses = this.usesOfId.get(value.id);
    uses?.delete(useKey(subject, version));
    // An id stays readable while any version, even a soft-deleted one, still uses it; after the
    // last hard delete it is gone. `highestId` keeps it from being reused while this process
    // runs (after a restart from a compacted log it could be: Confluent has the same limit).
    if (uses && uses.size === 0) {
      this.usesOfId.delete(value.id);
      const schema = this.schemasById.get(value.id);
      this.schemasById.delete(value.id);
      if (schema) this.idByIdentity.delete(schemaIdentity(schema));
    }
    return ApplyOutcome.Applied;
  }

  get maxId(): number {
    return this.highestId;
  }

  /** Subjects with at least one version (live ones only unless `includeDeleted`), sorted. */
  subjectNames(includeDeleted: boolean): string[] {
    return [...this.subjects.keys()].filter((subject) => this.versionsOf(subject, includeDeleted).length > 0).sort();
  }

  /** Oldest first. */
  versionsOf(subject: string, includeDeleted: boolean): SchemaValue[] {
    const versions = [...(this.subjects.get(subject)?.values() ?? [])].filter((value) => includeDeleted || !value.deleted);
    return versions.sort((a, b) => a.version - b.version);
  }

  version(subject: string, version: number): SchemaValue | undefined {
    return this.subjects.get(subject)?.get(version);
  }

  /** Highest version number the subject has ever had (soft-deleted ones count), 0 if none. */
  highestVersion(subject: string): number {
    return Math.max(0, ...(this.subjects.get(subject)?.keys() ?? []));
  }

  schemaById(id: number): IdentifiedSchema | undefined {
    return this.schemasById.get(id);
  }

  idOf(identity: string): number | undefined {
    return this.idByIdentity.get(identity);
  }

  /** Every subject version that uses the id, oldest subject/version first. */
  usesOf(id: number, includeDeleted: boolean): SchemaValue[] {
    const uses = [...(this.usesOfId.get(id) ?? [])].flatMap((key) => {
      const [version, subject] = key.split('\u0000');
      const value = this.subjects.get(subject)?.get(Number(version));
      return value ? [value] : [];
    });
    return uses
      .filter((value) => includeDeleted || !value.deleted)
      .sort((a, b) => (a.subject === b.subject ? a.version - b.version : a.subject < b.subject ? -1 : 1));
  }

  /** Live versions whose schema names `subject`/`version` as a reference. */
  referencesTo(subject: string, version: number): SchemaValue[] {
    const found: SchemaValue[] = [];
    for (const versions of this.subjects.values()) {
      for (const value of versions.values()) {
        if (!value.deleted && value.references.some((ref) => ref.subject === subject && ref.version === version)) found.push(value);
      }
    }
    return found;
  }

  /** The subject's own level, or the global one for `null`; undefined when not set. */
  level(subject: string | null): CompatibilityLevel | undefined {
    return this.levels.get(subject);
  }
}
