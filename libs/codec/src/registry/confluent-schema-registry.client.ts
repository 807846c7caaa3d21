import { SchemaRegistry, SchemaType } from '@kafkajs/confluent-schema-registry';
import type { Secret } from '@eventline/connection';
import avro from 'avsc';
import { Agent } from 'node:https';
import { AVRO_TYPE_OPTIONS } from '../avro/avro-type.options';
import { RegistryOutcome, RegistryRequestError } from './registry-request.error';
import type { SchemaRegistryClient } from './schema-registry.client';

export interface ConfluentSchemaRegistryClientOptions {
  /** e.g. http://127.0.0.1:8081 */
  readonly host: string;
  /** Upper bound for one call. The library sets no HTTP timeout, so a hung registry would hang decoding. */
  readonly timeoutMs?: number;
  /** The whole Authorization header (`Basic …`, `Bearer …`), sent on every call. */
  readonly authorization?: Secret;
  /** PEM CA that signed an https registry's certificate; unset: the system's CAs. */
  readonly ca?: Buffer;
}

// Node socket errors that mean "could not talk to the registry right now".
const NETWORK_ERROR_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE', 'EHOSTUNREACH']);

/**
 * `SchemaRegistryClient` over `@kafkajs/confluent-schema-registry`. Writer schemas are parsed
 * by the library with our `AVRO_TYPE_OPTIONS`, so the types it caches are the ones we decode
 * with (no second parse). The library's own retry (3 tries on 5xx) is left at its default:
 * overriding it mutates a module-wide default object.
 */
export class ConfluentSchemaRegistryClient implements SchemaRegistryClient {
  private readonly registry: SchemaRegistry;
  private readonly timeoutMs: number;

  constructor(options: ConfluentSchemaRegistryClientOptions) {
    const authorization = options.authorization;
    this.registry = new SchemaRegistry(
      {
        host: options.host,
        ...(options.ca ? { agent: new Agent({ ca: options.ca, keepAlive: true }) } : {}),
        // A header middleware rather than the library's `auth`: one path for basic and bearer.
        ...(authorization
          ? { middlewares: [() => ({ request: (request) => request.enhance({ headers: { authorization: authorization.reveal() } }) })] }
          : {}),
      },
      { [SchemaType.AVRO]: { ...AVRO_TYPE_OPTIONS } },
    );
    this.timeoutMs = options.timeoutMs ?? 10_000;
  }

  async getWriterType(schemaId: number): Promise<avro.Type> {
    const schema = await this.call(`GET /schemas/ids/${schemaId}`, () => this.registry.getSchema(schemaId));
    if (!avro.Type.isType(schema)) {
      throw new RegistryRequestError(RegistryOutcome.NotAvro, `schema ${schemaId} is not an Avro schema`);
    }
    return schema as avro.Type;
  }

  lookupSchemaId(subject: string, schema: string): Promise<number> {
    return this.call(`POST /subjects/${subject}`, () =>
      this.registry.getRegistryIdBySchema(subject, { type: SchemaType.AVRO, schema }),
    );
  }

  async register(subject: string, schema: string): Promise<number> {
    const { id } = await this.call(`POST /subjects/${subject}/versions`, () =>
      this.registry.register({ type: SchemaType.AVRO, schema }, { subject }),
    );
    return id;
  }

  private async call<T>(what: string, request: () => Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new RegistryRequestError(RegistryOutcome.Unavailable, `${what}: no answer within ${this.timeoutMs} ms`)),
        this.timeoutMs,
      );
      timer.unref();
    });
    try {
      return await Promise.race([request(), timeout]);
    } catch (err) {
      throw classify(what, err);
    } finally {
      clearTimeout(timer);
    }
  }
}

/**
 * Maps the library's errors onto outcomes. Getting this wrong in one direction dead-letters
 * good records (transient called poison); in the other it only delays — so anything that
 * looks like the network is Unavailable, and only an explicit 404 is NotFound.
 */
function classify(what: string, err: unknown): unknown {
  if (err instanceof RegistryRequestError) return err;
  const e = err as { status?: unknown; name?: unknown; message?: unknown; code?: unknown };
  const message = `${what}: ${String(e?.message ?? err)}`;
  if (typeof e?.status === 'number') {
    const status = e.status;
    if (status === 404) return new RegistryRequestError(RegistryOutcome.NotFound, message, status, { cause: err });
    // Credentials: a configuration error, never retried and never blamed on a record.
    if (status === 401 || status === 403) {
      const what = status === 401 ? 'refused the credentials (check SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO or SCHEMA_REGISTRY_BEARER_TOKEN)' : 'denied the request (the user lacks the role for it)';
      return new RegistryRequestError(RegistryOutcome.Unauthorized, `${what}: ${message}`, status, { cause: err });
    }
    // mappersmith reports a failed connection as a response with status 400 and the socket
    // error as its body; a registry itself answers bad input with 422, not 400.
    if (status === 400 || status === 408 || status === 429 || status >= 500) {
      // Say what happened, not mappersmith's "Error, status 400: connect ECONNREFUSED …".
      const socket = status === 400 ? /status 400: (.*(?:ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH).*)$/.exec(String(e?.message ?? '')) : null;
      const text = socket ? `${what}: cannot connect (${socket[1]})` : message;
      return new RegistryRequestError(RegistryOutcome.Unavailable, text, status, { cause: err });
    }
    return new RegistryRequestError(RegistryOutcome.Rejected, message, status, { cause: err });
  }
  // getRegistryIdBySchema rethrows a 404 as this exact class, dropping the status.
  if (e?.name === 'ConfluentSchemaRegistryError') {
    return new RegistryRequestError(RegistryOutcome.NotFound, message, 404, { cause: err });
  }
  if (typeof e?.name === 'string' && e.name.startsWith('ConfluentSchemaRegistry')) {
    return new RegistryRequestError(RegistryOutcome.Rejected, message, undefined, { cause: err });
  }
  if (typeof e?.code === 'string' && NETWORK_ERROR_CODES.has(e.code)) {
    return new RegistryRequestError(RegistryOutcome.Unavailable, message, undefined, { cause: err });
  }
  // Anything else is a bug; let it surface unclassified (neither poison nor retriable).
  return err;
}
