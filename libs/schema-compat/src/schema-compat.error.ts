import { Classification, EventlineError } from '@eventline/errors';

export const SchemaCompatErrorCode = {
  /** The text is not JSON, or not an Avro schema avsc accepts (bad name, bad default...). */
  InvalidSchema: 'SCHEMA_COMPAT_INVALID_SCHEMA',
  /** A referenced schema is itself invalid. */
  InvalidReference: 'SCHEMA_COMPAT_INVALID_REFERENCE',
} as const;
export type SchemaCompatErrorCode = (typeof SchemaCompatErrorCode)[keyof typeof SchemaCompatErrorCode];

/**
 * A schema this library refuses to work with. Never retriable: the same text fails the same
 * way every time, so callers should report it to whoever sent it.
 */
export class SchemaCompatError extends EventlineError<SchemaCompatErrorCode> {
  override readonly name = 'SchemaCompatError';
  constructor(code: SchemaCompatErrorCode, message: string, options?: { cause?: unknown }) {
    super(code, message, Classification.Final, options);
  }
}
