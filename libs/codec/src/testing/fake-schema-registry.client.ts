import type { Type } from 'avsc';
import { parseAvroType } from '../avro/avro-type.options';
import { RegistryOutcome, RegistryRequestError } from '../registry/registry-request.error';
import type { SchemaRegistryClient } from '../registry/schema-registry.client';

/**
 * In-memory registry for unit tests: counts every call and can be told to fail, so specs can
 * assert how often the codec reaches out and how it classifies what comes back.
 */
export class FakeSchemaRegistryClient implements SchemaRegistryClient {
  readonly calls = { getWriterType: 0, lookupSchemaId: 0, register: 0 };
  /** When set, every call fails with this outcome (e.g. Unavailable to simulate an outage). */
  failWith?: RegistryOutcome;
  private nextId = 1;
  private readonly byId = new Map<number, string>();
  private readonly bySubject = new Map<string, Map<string, number>>();

  async getWriterType(schemaId: number): Promise<Type> {
    this.calls.getWriterType++;
    this.maybeFail();
    const schema = this.byId.get(schemaId);
    if (!schema) throw new RegistryRequestError(RegistryOutcome.NotFound, `Schema ${schemaId} not found`, 404);
    return parseAvroType(schema);
  }

  async lookupSchemaId(subject: string, schema: string): Promise<number> {
    this.calls.lookupSchemaId++;
    this.maybeFail();
    const id = this.bySubject.get(subject)?.get(canonical(schema));
    if (id === undefined) throw new RegistryRequestError(RegistryOutcome.NotFound, `Subject ${subject} not found`, 404);
    return id;
  }

  async register(subject: string, schema: string): Promise<number> {
    this.calls.register++;
    this.maybeFail();
    return this.add(subject, schema);
  }

  /** Registers without counting, for arranging a test. */
  add(subject: string, schema: string | object): number {
    const text = canonical(typeof schema === 'string' ? schema : JSON.stringify(schema));
    const versions = this.bySubject.get(subject) ?? new Map<string, number>();
    this.bySubject.set(subject, versions);
    const existing = versions.get(text) ?? [...this.byId].find(([, s]) => s === text)?.[0];
    const id = existing ?? this.nextId++;
    this.byId.set(id, text);
    versions.set(text, id);
    return id;
  }

  private maybeFail(): void {
    if (this.failWith) throw new RegistryRequestError(this.failWith, `fake registry: ${this.failWith}`, 503);
  }
}

function canonical(schema: string): string {
  return JSON.stringify(JSON.parse(schema));
}
