import { arrayOf, minorUnits, object, text, wholeNumber } from '../validation/body-schema';

/** The largest Avro long: amounts travel as longs, so no amount or total may exceed it. */
export const MAX_MINOR_UNITS = 2n ** 63n - 1n;

const lineItem = object({
  sku: text({ max: 64 }),
  quantity: wholeNumber(1, 10_000),
  unitPriceMinor: minorUnits(MAX_MINOR_UNITS),
});

/** `POST /orders`. */
export const placeOrderBody = object({
  customerId: text({ max: 100 }),
  // Shape only; whether the address takes mail is the notifications worker's business.
  email: text({ max: 254, pattern: /^[^\s@]+@[^\s@]+$/, expected: 'an e-mail address such as ada@example.com' }),
  currency: text({ max: 16, pattern: /^[A-Z]{3}$/, expected: 'an ISO 4217 code of three capital letters, e.g. EUR' }),
  lineItems: arrayOf(lineItem, 1, 100),
});

export type PlaceOrderDto = NonNullable<ReturnType<typeof placeOrderBody>>;
