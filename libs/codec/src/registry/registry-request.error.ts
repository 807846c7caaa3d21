/**
 * What a registry call came to, independent of the HTTP client: the codec turns this into a
 * `CodecError` once it knows what was being looked up (an unknown id is poison, an unknown
 * subject is a deploy error).
 */
export const RegistryOutcome = {
  NotFound: 'not-found',
  Unavailable: 'unavailable',
  Rejected: 'rejected',
  /** 401/403: the registry wants other credentials or another role. */
  Unauthorized: 'unauthorized',
  NotAvro: 'not-avro',
} as const;
export type RegistryOutcome = (typeof RegistryOutcome)[keyof typeof RegistryOutcome];

export class RegistryRequestError extends Error {
  override readonly name = 'RegistryRequestError';
  constructor(
    readonly outcome: RegistryOutcome,
    message: string,
    readonly status?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
