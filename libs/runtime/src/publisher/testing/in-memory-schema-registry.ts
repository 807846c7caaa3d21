import type { Type } from 'avsc';
import { parseAvroType, RegistryOutcome, RegistryRequestError, type SchemaRegistryClient } from '@eventline/codec';

/** The codec's registry interface over two maps, for publisher specs that need no registry process. */
export class InMemorySchemaRegistry implements SchemaRegistryClient {
  /** When set, every call fails this way (e.g. Unavailable for an outage). */
  failWith?: RegistryOutcome;
  private readonly schemas: string[] = [];
  private readonly ids = new Map<string, number>();

  async getWriterType(schemaId: number): Promise<Type> {
    this.check();
    const schema = this.schemas[schemaId - 1];
    if (schema === undefined) throw new RegistryRequestError(RegistryOutcome.NotFound, `no schema ${schemaId}`, 404);
    return parseAvroType(JSON.parse(schema));
  }

  async lookupSchemaId(subject: string, schema: string): Promise<number> {
    this.check();
    const id = this.ids.get(`${subject}\u0000${schema}`);
    if (id === undefined) throw new RegistryRequestError(RegistryOutcome.NotFound, `${subject} has no such schema`, 404);
    return id;
  }

  async register(subject: string, schema: string): Promise<number> {
    this.check();
    const key = `${subject}\u0000${schema}`;
    let id = this.ids.get(key);
    if (id === undefined) {
      this.schemas.push(schema);
      id = this.schemas.length;
      this.ids.set(key, id);
    }
    return id;
  }

  private check(): void {
    if (this.failWith) throw new RegistryRequestError(this.failWith, `in-memory registry told to fail: ${this.failWith}`, 503);
  }
}
