export const OrderErrorCode = { NotFound: 'ORDERS_NOT_FOUND', IllegalTransition: 'ORDERS_ILLEGAL_TRANSITION' } as const;
export type OrderErrorCode = (typeof OrderErrorCode)[keyof typeof OrderErrorCode];

export class OrderStateError extends Error {
  override readonly name = 'OrderStateError';
  readonly retriable = false;
  constructor(
    readonly code: OrderErrorCode,
    message: string,
  ) {
    super(message);
  }
}
