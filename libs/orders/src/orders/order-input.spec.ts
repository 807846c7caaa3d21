import { isOrdersError } from '../errors/orders.error';
import { OrdersErrorCode } from '../errors/orders-error-code';
import { parseBody } from '../validation/body-schema';
import { cancelOrderBody } from './cancel-order.dto';
import { payOrderBody } from './pay-order.dto';
import { placeOrderBody } from './place-order.dto';

const order = { customerId: 'c-1', email: 'ada@example.com', currency: 'EUR', lineItems: [{ sku: 'SKU-1', quantity: 2, unitPriceMinor: 1999 }] };

function problemsOf(rule: Parameters<typeof parseBody>[0], body: unknown): Record<string, string> {
  try {
    parseBody(rule, body);
  } catch (error) {
    if (isOrdersError(error, OrdersErrorCode.InvalidRequest)) return { ...error.fields };
    throw error;
  }
  throw new Error('expected the body to be refused');
}

describe('order input', () => {
  it('reads a valid order, amounts as bigint whether sent as number or digits', () => {
    const parsed = parseBody(placeOrderBody, { ...order, lineItems: [order.lineItems[0], { sku: 'BIG', quantity: 1, unitPriceMinor: '9223372036854775807' }] });
    expect(parsed.lineItems.map((i) => i.unitPriceMinor)).toEqual([1999n, 9223372036854775807n]);
  });

  it.each([
    ['an unknown field', { ...order, coupon: 'X' }, 'coupon', 'is not a known field'],
    ['an unknown nested field', { ...order, lineItems: [{ ...order.lineItems[0], colour: 'red' }] }, 'lineItems[0].colour', 'is not a known field'],
    ['a missing field', { email: order.email, currency: 'EUR', lineItems: order.lineItems }, 'customerId', 'is required'],
    ['a number where a string belongs', { ...order, customerId: 42 }, 'customerId', 'must be a string (got number)'],
    ['a string quantity', { ...order, lineItems: [{ sku: 'S', quantity: '2', unitPriceMinor: 1 }] }, 'lineItems[0].quantity', 'must be a whole number (got string)'],
    ['a fractional quantity', { ...order, lineItems: [{ sku: 'S', quantity: 1.5, unitPriceMinor: 1 }] }, 'lineItems[0].quantity', 'whole number'],
    ['a zero quantity', { ...order, lineItems: [{ sku: 'S', quantity: 0, unitPriceMinor: 1 }] }, 'lineItems[0].quantity', 'from 1 to 10000'],
    ['a negative price', { ...order, lineItems: [{ sku: 'S', quantity: 1, unitPriceMinor: -5 }] }, 'lineItems[0].unitPriceMinor', 'minor units'],
    ['a price past 2^53 as a number', { ...order, lineItems: [{ sku: 'S', quantity: 1, unitPriceMinor: 2 ** 60 }] }, 'lineItems[0].unitPriceMinor', 'minor units'],
    ['a price past the Avro long', { ...order, lineItems: [{ sku: 'S', quantity: 1, unitPriceMinor: '9223372036854775808' }] }, 'lineItems[0].unitPriceMinor', 'at most'],
    ['a lower-case currency', { ...order, currency: 'eur' }, 'currency', 'ISO 4217'],
    ['an address without @', { ...order, email: 'ada.example.com' }, 'email', 'e-mail address'],
    ['no line items', { ...order, lineItems: [] }, 'lineItems', '1 to 100 items'],
    ['line items not an array', { ...order, lineItems: { sku: 'S' } }, 'lineItems', 'must be an array'],
    ['an array body', [order], 'body', 'must be a JSON object'],
    ['no body at all', undefined, 'body', 'must be a JSON object'],
  ])('refuses %s, naming the field', (_name, body, field, message) => {
    expect(problemsOf(placeOrderBody, body)[field]).toContain(message);
  });

  it('lists every bad field of one body at once', () => {
    expect(Object.keys(problemsOf(placeOrderBody, { customerId: '', currency: 'x', extra: 1 })).sort()).toEqual(['currency', 'customerId', 'email', 'extra', 'lineItems']);
  });

  it.each([
    ['a method outside the schema', { paymentId: 'p', method: 'CASH' }, 'method', 'one of CARD, BANK_TRANSFER, WALLET'],
    ['a missing payment id', { method: 'CARD' }, 'paymentId', 'is required'],
  ])('refuses a payment with %s', (_name, body, field, message) => {
    expect(problemsOf(payOrderBody, body)[field]).toContain(message);
  });

  it('takes a cancellation without a note as note null, and refuses a note that is not text', () => {
    expect(parseBody(cancelOrderBody, { reason: 'OUT_OF_STOCK' })).toEqual({ reason: 'OUT_OF_STOCK', note: null });
    expect(parseBody(cancelOrderBody, { reason: 'OUT_OF_STOCK', note: null })).toEqual({ reason: 'OUT_OF_STOCK', note: null });
    expect(problemsOf(cancelOrderBody, { reason: 'OUT_OF_STOCK', note: 5 }).note).toContain('must be a string');
  });
});
