import { EventCatalog } from '../src/catalog/event-catalog';
import { recordFullName } from '../src/avro/avro-schema.types';
import type { AnyEventDefinition } from '../src/catalog/define-event';
import type { SchemaFile } from './schema-files';

export const GateCommand = { Check: 'check', Register: 'register' } as const;
export type GateCommand = (typeof GateCommand)[keyof typeof GateCommand];

/** 0 all good; 1 a schema failed (incompatible, rejected, not in the catalog); 2 the registry could not be reached. */
export const GateExit = { Ok: 0, Failed: 1, Unreachable: 2 } as const;
export type GateExit = (typeof GateExit)[keyof typeof GateExit];

export interface GateOptions {
  readonly command: GateCommand;
  readonly registryUrl: string;
  readonly files: readonly SchemaFile[];
  readonly catalog?: Readonly<Record<string, AnyEventDefinition>>;
  readonly out?: (line: string) => void;
  readonly err?: (line: string) => void;
  readonly timeoutMs?: number;
}

const CONTENT_TYPE = 'application/vnd.schemaregistry.v1+json';
// Confluent error codes for "nothing to compare against": a new subject passes the gate.
const SUBJECT_NOT_FOUND = 40401;
const VERSION_NOT_FOUND = 40402;

class RegistryUnreachable extends Error {}

/**
 * The compatibility gate CI runs before a schema change merges: every schema file is checked
 * against the latest version of its subject (using the registry's configured compatibility
 * level) and every failure is printed with the registry's own explanation. `register` then
 * registers them all (after review, never from a service at boot).
 */
export async function runSchemaGate(options: GateOptions): Promise<GateExit> {
  const out = options.out ?? ((l) => console.log(l));
  const err = options.err ?? ((l) => console.error(l));
  const catalog: Readonly<Record<string, AnyEventDefinition | undefined>> = options.catalog ?? EventCatalog;
  const base = options.registryUrl.replace(/\/+$/, '');
  const http = (method: string, path: string, body?: unknown) =>
    request(base, method, path, body, options.timeoutMs ?? 5_000);
  let failed = 0;
  try {
    for (const file of options.files) {
      const fullName = recordFullName(file.schema);
      const entry = catalog[fullName];
      if (!entry) {
        err(`FAIL ${file.relativePath}: ${fullName} has no entry in the event catalog (libs/contracts/src/catalog/event-catalog.ts)`);
        failed++;
        continue;
      }
      const subject = entry.subject;
      const schema = JSON.stringify(file.schema);
      if (options.command === GateCommand.Check) {
        const res = await http('POST', `/compatibility/subjects/${encodeURIComponent(subject)}/versions/latest?verbose=true`, { schema });
        const body = res.body as { is_compatible?: boolean; messages?: string[]; error_code?: number; message?: string };
        if (res.status === 404 && (body.error_code === SUBJECT_NOT_FOUND || body.error_code === VERSION_NOT_FOUND)) {
          out(`ok   ${subject} (new subject)`);
        } else if (res.status === 200 && body.is_compatible === true) {
          out(`ok   ${subject}`);
        } else if (res.status === 200) {
          failed++;
          err(`FAIL ${subject} (${file.relativePath}) is not compatible with its latest version:`);
          for (const message of body.messages ?? ['(the registry gave no reason)']) err(`     - ${message}`);
        } else {
          failed++;
          err(`FAIL ${subject} (${file.relativePath}): registry answered ${res.status}: ${body.message ?? JSON.stringify(body)}`);
        }
      } else {
        const res = await http('POST', `/subjects/${encodeURIComponent(subject)}/versions`, { schema });
        const body = res.body as { id?: number; message?: string };
        if (res.status === 200 && typeof body.id === 'number') {
          out(`registered ${subject} -> id ${body.id}`);
        } else {
          failed++;
          err(`FAIL ${subject} (${file.relativePath}): registry answered ${res.status}: ${body.message ?? JSON.stringify(body)}`);
        }
      }
    }
  } catch (e) {
    if (!(e instanceof RegistryUnreachable)) throw e;
    err(`schema gate: ${e.message}; start it (npx nx serve schema-registry) or set SCHEMA_REGISTRY_URL`);
    return GateExit.Unreachable;
  }
  if (failed) err(`${failed} of ${options.files.length} schemas failed`);
  return failed ? GateExit.Failed : GateExit.Ok;
}

async function request(base: string, method: string, path: string, body: unknown, timeoutMs: number) {
  let res: Response;
  try {
    res = await fetch(`${base}${path}`, {
      method,
      headers: { 'content-type': CONTENT_TYPE, accept: CONTENT_TYPE },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (e) {
    const cause = (e as { cause?: { code?: string } }).cause;
    const why = cause?.code ?? (cause as Error | undefined)?.message ?? (e as Error).message;
    throw new RegistryUnreachable(`schema registry at ${base} is unreachable (${why})`);
  }
  if (res.status >= 500) throw new RegistryUnreachable(`schema registry at ${base} failed with HTTP ${res.status}`);
  const text = await res.text();
  let parsed: unknown = {};
  try {
    parsed = text ? JSON.parse(text) : {};
  } catch {
    parsed = { message: text.slice(0, 200) };
  }
  return { status: res.status, body: parsed };
}
