import { object, oneOf, optional, text } from '../validation/body-schema';

/** `POST /orders/:id/cancel`: the reasons are the OrderCancelled schema's CancellationReason symbols. */
export const cancelOrderBody = object({
  reason: oneOf(['CUSTOMER_REQUEST', 'PAYMENT_FAILED', 'OUT_OF_STOCK', 'FRAUD_SUSPECTED']),
  note: optional(text({ max: 500 }), { fallback: null, nullable: true }),
});

export type CancelOrderDto = NonNullable<ReturnType<typeof cancelOrderBody>>;
