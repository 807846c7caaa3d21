import { ConnectionError, plainRegistryConnection, RegistryHttpClient, type RegistryClientConnection } from '@eventline/connection';
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
  /** Credentials and CA for a secured registry; default: none (the URL alone). */
  readonly registry?: RegistryClientConnection;
  readonly files: readonly SchemaFile[];
  readonly catalog?: Readonly<Record<string, AnyEventDefinition>>;
  readonly out?: (line: string) => void;
  readonly err?: (line: string) => void;
  readonly timeoutMs?: number;
}

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
  const client = new RegistryHttpClient(options.registry ?? plainRegistryConnection(options.registryUrl), { timeoutMs: options.timeoutMs ?? 5_000 });
  const http = (method: string, path: string, body?: unknown) => request(client, method, path, body);
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
    if (e instanceof ConnectionError && !e.retriable) {
      // 401/403 or a TLS failure: the settings, not the registry, need changing.
      err(`schema gate: ${e.message}`);
      return GateExit.Unreachable;
    }
    if (!(e instanceof RegistryUnreachable) && !(e instanceof ConnectionError)) throw e;
    err(`schema gate: ${e.message}; start it (npx nx serve schema-registry) or set SCHEMA_REGISTRY_URL`);
    return GateExit.Unreachable;
  }
  if (failed) err(`${failed} of ${options.files.length} schemas failed`);
  return failed ? GateExit.Failed : GateExit.Ok;
}

async function request(client: RegistryHttpClient, method: string, path: string, body: unknown) {
  // Unreachable and 401/403 throw ConnectionError; every other answer comes back.
  const res = await client.request(method, path, body);
  if (res.status >= 500) throw new RegistryUnreachable(`schema registry at ${client.connection.url} failed with HTTP ${res.status}`);
  const parsed = typeof res.body === 'string' ? { message: res.body.slice(0, 200) } : (res.body ?? {});
  return { status: res.status, body: parsed };
}
