import { OrdersErrorCode } from './orders-error-code';

/** Field path → what is wrong with it, e.g. `lineItems[0].quantity` → `must be a whole number`. */
export type FieldProblems = Readonly<Record<string, string>>;

export interface OrdersErrorDetails {
  readonly fields?: FieldProblems;
  readonly cause?: unknown;
}

/** Codes a client may simply try again later (after the registry is back, after a restart). */
const RETRIABLE: ReadonlySet<OrdersErrorCode> = new Set([OrdersErrorCode.RegistryUnavailable, OrdersErrorCode.ShuttingDown]);

/** A request the service refuses, with a stable code; `fields` names each bad input field. */
export class OrdersError extends Error {
  override readonly name = 'OrdersError';
  readonly retriable: boolean;
  readonly fields?: FieldProblems;

  constructor(
    readonly code: OrdersErrorCode,
    message: string,
    details: OrdersErrorDetails = {},
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.retriable = RETRIABLE.has(code);
    this.fields = details.fields;
  }
}

export function isOrdersError(error: unknown, code?: OrdersErrorCode): error is OrdersError {
  return error instanceof OrdersError && (code === undefined || error.code === code);
}
