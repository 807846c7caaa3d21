import type { Type } from 'avsc';
import { parseAvroType } from './avro/avro-type.options';
import { AvroDecoder, decodeBody, type WriterTypeSource } from './avro.decoder';
import { AvroEncoder } from './avro.encoder';
import { UnknownSchemaIdsCache } from './cache/unknown-schema-ids.cache';
import { CodecMode } from './codec-mode';
import { CodecError, CodecErrorCode } from './errors/codec.error';
import { RegistryOutcome, RegistryRequestError } from './registry/registry-request.error';
import type { SchemaRegistryClient } from './registry/schema-registry.client';
import { readSchemaId } from './wire/confluent-wire-format';

export interface AvroCodecOptions {
  readonly registry: SchemaRegistryClient;
  readonly mode: CodecMode;
  /** How long a schema id the registry did not know stays known-unknown. Default 60 s. */
  readonly unknownSchemaIdTtlMs?: number;
  /** How many known-unknown ids are remembered. Default 10 000. */
  readonly unknownSchemaIdCapacity?: number;
  readonly now?: () => number;
}

/** A schema and the subject it is registered under. */
export interface SchemaBinding {
  readonly subject: string;
  readonly schema: object;
}

/**
 * Confluent-framed Avro on avsc, with every registry answer cached so the per-record path
 * never calls the registry or parses a schema:
 *
 *   subject + schema → encoder (holding the schema id)   `encoderFor`
 *   schema id → writer type                               shared by all decoders
 *   (schema id, reader type) → resolver                   inside each `AvroDecoder`
 *   schema id → "unknown" for a TTL                       `UnknownSchemaIdsCache`
 */
export class AvroCodec implements WriterTypeSource {
  private readonly registry: SchemaRegistryClient;
  private readonly mode: CodecMode;
  private readonly writerTypes = new Map<number, Type>();
  private readonly pendingWriterTypes = new Map<number, Promise<Type>>();
  private readonly encoders = new Map<string, Promise<AvroEncoder<unknown>>>();
  private readonly readerTypes = new WeakMap<object, Type>();
  private readonly decoders = new WeakMap<object, AvroDecoder<unknown>>();
  private readonly unknownIds: UnknownSchemaIdsCache;

  constructor(options: AvroCodecOptions) {
    if (!Object.values(CodecMode).includes(options.mode)) {
      throw new TypeError(`codec mode must be one of ${Object.values(CodecMode).join(', ')}; got ${String(options.mode)}`);
    }
    this.registry = options.registry;
    this.mode = options.mode;
    this.unknownIds = new UnknownSchemaIdsCache(
      options.unknownSchemaIdTtlMs ?? 60_000,
      options.unknownSchemaIdCapacity ?? 10_000,
      options.now,
    );
  }

  /**
   * An encoder for `binding`, its schema id resolved (production: looked up, never
   * registered; development: registered if new). Keep it: `encode` on it is synchronous.
   */
  encoderFor<T>(binding: SchemaBinding): Promise<AvroEncoder<T>> {
    const json = JSON.stringify(binding.schema);
    const key = `${binding.subject}\u0000${json}`;
    let encoder = this.encoders.get(key);
    if (!encoder) {
      encoder = this.createEncoder(binding, json);
      this.encoders.set(key, encoder);
      // Failures are not cached: the next call asks the registry again.
      encoder.catch(() => this.encoders.delete(key));
    }
    return encoder as Promise<AvroEncoder<T>>;
  }

  /** A decoder into `readerSchema` (the same object gets the same decoder and its resolver cache). */
  decoderFor<T>(readerSchema: object): AvroDecoder<T> {
    let decoder = this.decoders.get(readerSchema);
    if (!decoder) {
      decoder = new AvroDecoder(this, this.readerType(readerSchema));
      this.decoders.set(readerSchema, decoder);
    }
    return decoder as AvroDecoder<T>;
  }

  /** Decodes with the writer's own schema, for tools that have no reader schema (replay, inspection). */
  async decode(value: Buffer): Promise<unknown> {
    const schemaId = readSchemaId(value);
    const writer = this.cachedWriterType(schemaId) ?? (await this.fetchWriterType(schemaId));
    return decodeBody(writer, value, undefined, schemaId);
  }

  /**
   * Boot check for production: every binding's schema must already be registered under its
   * subject. Throws one error naming every missing subject. Also warms the encoder cache.
   */
  async assertRegistered(bindings: Iterable<SchemaBinding>): Promise<void> {
    const all = [...bindings];
    const results = await Promise.allSettled(all.map((b) => this.lookupEncoder(b)));
    const missing: string[] = [];
    for (const [i, result] of results.entries()) {
      if (result.status === 'fulfilled') continue;
      const err = result.reason;
      if (err instanceof CodecError && err.code === CodecErrorCode.SchemaNotRegistered) missing.push(all[i].subject);
      else throw err;
    }
    if (missing.length) {
      throw new CodecError(
        CodecErrorCode.SchemaNotRegistered,
        `not registered: ${missing.join(', ')}. Register reviewed schemas with \`npx nx run contracts:schemas:register\``,
        { subject: missing[0] },
      );
    }
  }

  cachedWriterType(schemaId: number): Type | undefined {
    return this.writerTypes.get(schemaId);
  }

  fetchWriterType(schemaId: number): Promise<Type> {
    const cached = this.writerTypes.get(schemaId);
    if (cached) return Promise.resolve(cached);
    if (this.unknownIds.has(schemaId)) return Promise.reject(unknownSchemaId(schemaId));
    // Concurrent records with the same new id share one request.
    let pending = this.pendingWriterTypes.get(schemaId);
    if (!pending) {
      pending = this.registry
        .getWriterType(schemaId)
        .then(
          (type) => {
            this.writerTypes.set(schemaId, type);
            return type;
          },
          (err: unknown) => {
            if (err instanceof RegistryRequestError && err.outcome === RegistryOutcome.NotFound) {
              this.unknownIds.remember(schemaId);
              throw unknownSchemaId(schemaId, err);
            }
            if (err instanceof RegistryRequestError && err.outcome === RegistryOutcome.NotAvro) {
              throw new CodecError(CodecErrorCode.UnsupportedSchemaType, `schema ${schemaId} is not Avro`, { cause: err, schemaId });
            }
            throw registryError(err, { schemaId });
          },
        )
        .finally(() => this.pendingWriterTypes.delete(schemaId));
      this.pendingWriterTypes.set(schemaId, pending);
    }
    return pending;
  }

  private async createEncoder(binding: SchemaBinding, json: string): Promise<AvroEncoder<unknown>> {
    const type = this.readerType(binding.schema);
    const schemaId =
      this.mode === CodecMode.Development
        ? await this.registryCall(binding.subject, () => this.registry.register(binding.subject, json))
        : await this.lookupId(binding.subject, json);
    // Our own records decode without a registry call: the registry holds this very schema under this id.
    if (!this.writerTypes.has(schemaId)) this.writerTypes.set(schemaId, type);
    return new AvroEncoder(schemaId, binding.subject, type);
  }

  private lookupEncoder(binding: SchemaBinding): Promise<AvroEncoder<unknown>> {
    if (this.mode === CodecMode.Production) return this.encoderFor(binding);
    // In development too, assertRegistered only looks: asserting must not register.
    const json = JSON.stringify(binding.schema);
    return this.lookupId(binding.subject, json).then((id) => new AvroEncoder(id, binding.subject, this.readerType(binding.schema)));
  }

  private lookupId(subject: string, json: string): Promise<number> {
    return this.registryCall(subject, () => this.registry.lookupSchemaId(subject, json));
  }

  private async registryCall<R>(subject: string, call: () => Promise<R>): Promise<R> {
    try {
      return await call();
    } catch (err) {
      if (err instanceof RegistryRequestError && err.outcome === RegistryOutcome.NotFound) {
        throw new CodecError(CodecErrorCode.SchemaNotRegistered, `schema is not registered under subject ${subject}`, {
          cause: err,
          subject,
        });
      }
      throw registryError(err, { subject });
    }
  }

  private readerType(schema: object): Type {
    let type = this.readerTypes.get(schema);
    if (!type) {
      type = parseAvroType(schema);
      this.readerTypes.set(schema, type);
    }
    return type;
  }
}

function unknownSchemaId(schemaId: number, cause?: unknown): CodecError {
  return new CodecError(CodecErrorCode.UnknownSchemaId, `schema id ${schemaId} is not in the registry`, { cause, schemaId });
}

function registryError(err: unknown, context: { schemaId?: number; subject?: string }): unknown {
  if (!(err instanceof RegistryRequestError)) return err;
  const code =
    err.outcome === RegistryOutcome.Unavailable
      ? CodecErrorCode.RegistryUnavailable
      : err.outcome === RegistryOutcome.Unauthorized
        ? CodecErrorCode.RegistryUnauthorized
        : CodecErrorCode.RegistryRejected;
  return new CodecError(code, `schema registry: ${err.message}`, { cause: err, ...context });
}
