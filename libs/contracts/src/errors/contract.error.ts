import { Classification, EventlineError } from '@eventline/errors';

/**
 * Failures to honour the wire contract of a record (its CloudEvents headers). A record that
 * breaks the contract will break it on every redelivery, so these are poison: dead-letter
 * the record, never retry it.
 */
export const ContractErrorCode = {
  HeaderMissing: 'CONTRACT_HEADER_MISSING',
  HeaderInvalid: 'CONTRACT_HEADER_INVALID',
  UnknownEventType: 'CONTRACT_UNKNOWN_EVENT_TYPE',
} as const;
export type ContractErrorCode = (typeof ContractErrorCode)[keyof typeof ContractErrorCode];

export class ContractError extends EventlineError<ContractErrorCode> {
  override readonly name = 'ContractError';

  constructor(
    code: ContractErrorCode,
    message: string,
    /** The header at fault, when one is; lets the dead-letter record say which. */
    readonly header?: string,
    options?: { cause?: unknown },
  ) {
    super(code, message, Classification.Poison, options);
  }
}
