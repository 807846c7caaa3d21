import { object, oneOf, text } from '../validation/body-schema';

/** `POST /orders/:id/pay`: the methods are the OrderPaid schema's PaymentMethod symbols. */
export const payOrderBody = object({
  paymentId: text({ max: 100 }),
  method: oneOf(['CARD', 'BANK_TRANSFER', 'WALLET']),
});

export type PayOrderDto = NonNullable<ReturnType<typeof payOrderBody>>;
