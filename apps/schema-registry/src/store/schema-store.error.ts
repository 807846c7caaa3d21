/** Confluent's codes for a store that failed (50001) or did not answer in time (50002). */
export const SchemaStoreErrorCode = {
  StoreError: 50001,
  OperationTimeout: 50002,
} as const;
export type SchemaStoreErrorCode = (typeof SchemaStoreErrorCode)[keyof typeof SchemaStoreErrorCode];

/** The `_schemas` log could not be written or read. Retriable: the broker may come back. */
export class SchemaStoreError extends Error {
  override readonly name = 'SchemaStoreError';
  readonly retriable = true;
  constructor(
    readonly code: SchemaStoreErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
