import { RegistryErrorCode } from '../registry/registry-error-code';

/** The two codes of a store that failed (50001) or did not answer in time (50002). */
export type SchemaStoreErrorCode = typeof RegistryErrorCode.StoreError | typeof RegistryErrorCode.OperationTimeout;

/**
 * The `_schemas` log could not be written or read. Retriable: the broker may come back.
 * Like RegistryError it answers with Confluent's numeric `error_code`, the registry's wire
 * contract, so neither takes Eventline's string-coded protocol (@eventline/errors).
 */
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
