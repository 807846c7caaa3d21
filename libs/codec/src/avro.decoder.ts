import type { Type } from 'avsc';
import { CodecError, CodecErrorCode } from './errors/codec.error';
import { readSchemaId, WIRE_HEADER_SIZE } from './wire/confluent-wire-format';

type Resolver = ReturnType<Type['createResolver']>;

/** Where a decoder gets writer types: the codec's shared id → type cache. */
export interface WriterTypeSource {
  cachedWriterType(schemaId: number): Type | undefined;
  fetchWriterType(schemaId: number): Promise<Type>;
}

/**
 * Decodes records written with any registered version into one reader type. The resolver
 * for each writer id is built once and kept (the (writerId, readerType) cache: this decoder
 * is the reader type's), so the per-record work is a header read, one map lookup and the
 * Avro read itself, straight from the record buffer.
 */
export class AvroDecoder<T> {
  private readonly resolvers = new Map<number, Resolver | null | CodecError>();

  constructor(
    private readonly writers: WriterTypeSource,
    readonly readerType: Type,
  ) {}

  /**
   * True when `value`'s writer schema was seen before, so `decodeSync` can read it without
   * the registry. The hot path of a consumer: every record after the first of its schema.
   */
  canDecodeSync(value: Buffer): boolean {
    return value.length >= WIRE_HEADER_SIZE && value[0] === 0 && this.resolvers.has(value.readInt32BE(1));
  }

  /** Decodes a record whose writer schema is known (see canDecodeSync); poison still throws a CodecError. */
  decodeSync(value: Buffer): T {
    const schemaId = readSchemaId(value);
    const resolver = this.resolvers.get(schemaId);
    if (resolver === undefined) throw new Error(`schema ${schemaId} is not known yet: call decode()`);
    if (resolver instanceof CodecError) throw resolver;
    return decodeBody(this.readerType, value, resolver ?? undefined, schemaId) as T;
  }

  decode(value: Buffer): Promise<T> {
    // Not an async function: once the writer id is known the result is computed synchronously,
    // and skipping the async machinery is most of the decode cost on small records.
    try {
      const resolver = this.resolvers.get(readSchemaId(value));
      if (resolver === undefined) return this.decodeFirstOfSchema(value);
      if (resolver instanceof CodecError) throw resolver;
      return Promise.resolve(decodeBody(this.readerType, value, resolver ?? undefined, value.readInt32BE(1)) as T);
    } catch (err) {
      return Promise.reject(err);
    }
  }

  private async decodeFirstOfSchema(value: Buffer): Promise<T> {
    const schemaId = readSchemaId(value);
    const writer = this.writers.cachedWriterType(schemaId) ?? (await this.writers.fetchWriterType(schemaId));
    const resolver = this.resolvers.get(schemaId) ?? this.resolve(schemaId, writer);
    if (resolver instanceof CodecError) throw resolver;
    return decodeBody(this.readerType, value, resolver ?? undefined, schemaId) as T;
  }

  private resolve(schemaId: number, writer: Type): Resolver | null | CodecError {
    let resolver: Resolver | null | CodecError;
    if (writer === this.readerType || writer.equals(this.readerType)) {
      // Same canonical schema: read directly, a resolver would only add indirection.
      resolver = null;
    } else {
      try {
        resolver = this.readerType.createResolver(writer);
      } catch (err) {
        // Kept, so a stream of such records does not rebuild (and fail) the resolver each time.
        resolver = new CodecError(
          CodecErrorCode.IncompatibleSchema,
          `records written with schema ${schemaId} (${writer.name ?? writer.typeName}) cannot be read as ${this.readerType.name}: ${(err as Error).message}`,
          { cause: err, schemaId },
        );
      }
    }
    this.resolvers.set(schemaId, resolver);
    return resolver;
  }
}

/** Reads the Avro body after the 5-byte header in place and insists it ends exactly at the end. */
export function decodeBody(type: Type, value: Buffer, resolver: Resolver | undefined, schemaId: number): unknown {
  let result: { value: unknown; offset: number };
  try {
    // Two call shapes on purpose: avsc's decode was measured slower with an explicit
    // `undefined` resolver than with the argument left out (docs/benchmark-notes.md, Codec).
    result = resolver ? type.decode(value, WIRE_HEADER_SIZE, resolver) : type.decode(value, WIRE_HEADER_SIZE);
  } catch (err) {
    throw corrupt(schemaId, `body does not decode (${(err as Error).message})`, err);
  }
  if (result.offset < 0) throw corrupt(schemaId, 'body is truncated');
  if (result.offset !== value.length) {
    throw corrupt(schemaId, `${value.length - result.offset} trailing bytes after the body`);
  }
  return result.value;
}

function corrupt(schemaId: number, problem: string, cause?: unknown): CodecError {
  return new CodecError(CodecErrorCode.CorruptBody, `record with schema ${schemaId}: ${problem}`, { cause, schemaId });
}
