import { EventlineError } from '@eventline/errors';
import { ORDERS_ERRORS, OrdersErrorCode } from './orders-error-code';

/** Field path → what is wrong with it, e.g. `lineItems[0].quantity` → `must be a whole number`. */
export type FieldProblems = Readonly<Record<string, string>>;

export interface OrdersErrorDetails {
  readonly fields?: FieldProblems;
  readonly cause?: unknown;
}

/** A request the service refuses, with a stable code; `fields` names each bad input field. */
export class OrdersError extends EventlineError<OrdersErrorCode> {
  override readonly name = 'OrdersError';
  readonly fields?: FieldProblems;

  constructor(code: OrdersErrorCode, message: string, details: OrdersErrorDetails = {}) {
    super(code, message, ORDERS_ERRORS[code], details);
    this.fields = details.fields;
  }
}

export function isOrdersError(error: unknown, code?: OrdersErrorCode): error is OrdersError {
  return error instanceof OrdersError && (code === undefined || error.code === code);
}
