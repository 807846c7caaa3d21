import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { AvroEventSchema } from '../src/avro/avro-schema.types';

export interface SchemaFile {
  /** Path relative to the schemas directory's parent, with forward slashes (stable in output). */
  readonly relativePath: string;
  readonly schema: AvroEventSchema;
}

/**
 * Every `.avsc` under `schemasDir`, sorted by path so generated output does not depend on
 * directory listing order. Each file must hold exactly one namespaced record.
 */
export function loadSchemaFiles(schemasDir: string): SchemaFile[] {
  const base = path.dirname(schemasDir);
  return listAvsc(schemasDir)
    .sort()
    .map((file) => {
      const relativePath = path.relative(base, file).split(path.sep).join('/');
      let parsed: unknown;
      try {
        parsed = JSON.parse(readFileSync(file, 'utf8'));
      } catch (err) {
        throw new Error(`${relativePath}: not valid JSON (${(err as Error).message})`, { cause: err });
      }
      return { relativePath, schema: asEventSchema(parsed, relativePath) };
    });
}

function listAvsc(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return listAvsc(full);
    return entry.isFile() && entry.name.endsWith('.avsc') ? [full] : [];
  });
}

function asEventSchema(value: unknown, where: string): AvroEventSchema {
  const schema = value as Partial<AvroEventSchema> | null;
  if (!schema || typeof schema !== 'object' || Array.isArray(schema) || schema.type !== 'record') {
    throw new Error(`${where}: the top-level type must be one record`);
  }
  if (typeof schema.name !== 'string' || typeof schema.namespace !== 'string' || !schema.namespace) {
    throw new Error(`${where}: the record needs a name and a namespace (they form the event type)`);
  }
  return schema as AvroEventSchema;
}
