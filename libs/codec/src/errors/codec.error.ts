import { Classification, EventlineError } from '@eventline/errors';

/**
 * Every way encoding or decoding can fail, with what the caller should do about it:
 *
 *   poison     the record itself is bad; it fails the same way on every redelivery, so
 *              dead-letter it and move on (never retry, never stop the partition for it)
 *   retriable  the world is bad (registry down, slow); retry with backoff, same record
 *   neither    a deploy or programming error (schema not registered, payload that does not
 *              fit its own schema); stop and page someone
 */
export const CodecErrorCode = {
  BadMagicByte: 'CODEC_BAD_MAGIC_BYTE',
  TooShort: 'CODEC_TOO_SHORT',
  UnknownSchemaId: 'CODEC_UNKNOWN_SCHEMA_ID',
  UnsupportedSchemaType: 'CODEC_UNSUPPORTED_SCHEMA_TYPE',
  CorruptBody: 'CODEC_CORRUPT_BODY',
  IncompatibleSchema: 'CODEC_INCOMPATIBLE_SCHEMA',
  InvalidPayload: 'CODEC_INVALID_PAYLOAD',
  SchemaNotRegistered: 'CODEC_SCHEMA_NOT_REGISTERED',
  RegistryUnavailable: 'CODEC_REGISTRY_UNAVAILABLE',
  RegistryRejected: 'CODEC_REGISTRY_REJECTED',
  /** 401/403 from the registry: the credentials or the role are wrong, which no retry changes. */
  RegistryUnauthorized: 'CODEC_REGISTRY_UNAUTHORIZED',
} as const;
export type CodecErrorCode = (typeof CodecErrorCode)[keyof typeof CodecErrorCode];

const { Poison, Transient, Final } = Classification;

const CLASSIFICATION: Readonly<Record<CodecErrorCode, Classification>> = {
  [CodecErrorCode.BadMagicByte]: Poison,
  [CodecErrorCode.TooShort]: Poison,
  [CodecErrorCode.UnknownSchemaId]: Poison,
  [CodecErrorCode.UnsupportedSchemaType]: Poison,
  [CodecErrorCode.CorruptBody]: Poison,
  // The writer schema cannot be read as our reader schema: no retry will change that.
  [CodecErrorCode.IncompatibleSchema]: Poison,
  [CodecErrorCode.InvalidPayload]: Final,
  [CodecErrorCode.SchemaNotRegistered]: Final,
  [CodecErrorCode.RegistryUnavailable]: Transient,
  [CodecErrorCode.RegistryRejected]: Final,
  [CodecErrorCode.RegistryUnauthorized]: Final,
};

export interface CodecErrorDetails {
  readonly cause?: unknown;
  readonly schemaId?: number;
  readonly subject?: string;
  /** For invalid payloads: the dotted paths of the offending fields, e.g. `lineItems.0.quantity`. */
  readonly paths?: readonly string[];
}

export class CodecError extends EventlineError<CodecErrorCode> {
  override readonly name = 'CodecError';
  readonly schemaId?: number;
  readonly subject?: string;
  readonly paths?: readonly string[];

  constructor(code: CodecErrorCode, message: string, details: CodecErrorDetails = {}) {
    super(code, message, CLASSIFICATION[code], details);
    this.schemaId = details.schemaId;
    this.subject = details.subject;
    this.paths = details.paths;
  }
}

export function isCodecError(err: unknown, code?: CodecErrorCode): err is CodecError {
  return err instanceof CodecError && (code === undefined || err.code === code);
}
