/** A request body that does not fit: every problem, by field path. */
export class InvalidInputError extends Error {
  override readonly name = 'InvalidInputError';
  readonly code = 'ORDERS_INVALID_INPUT';
  readonly retriable = false;
  constructor(readonly fields: Record<string, string>) {
    super(`invalid request: ${Object.entries(fields).map(([f, m]) => `${f} ${m}`).join('; ')}`);
  }
}

export interface NewOrder {
  readonly customerId: string;
  readonly email: string;
  readonly currency: string;
  readonly lineItems: ReadonlyArray<{ readonly sku: string; readonly quantity: number; readonly unitPriceMinor: bigint }>;
}

export interface Payment {
  readonly paymentId: string;
  readonly method: 'CARD' | 'BANK_TRANSFER' | 'WALLET';
}

export interface Cancellation {
  readonly reason: 'CUSTOMER_REQUEST' | 'PAYMENT_FAILED' | 'OUT_OF_STOCK' | 'FRAUD_SUSPECTED';
  readonly note: string | null;
}

type Body = Record<string, unknown>;

function asObject(body: unknown, fields: Record<string, string>, path = 'body'): Body | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    fields[path] = 'must be a JSON object';
    return undefined;
  }
  return body as Body;
}

function unknownFields(body: Body, allowed: readonly string[], fields: Record<string, string>, prefix = ''): void {
  for (const key of Object.keys(body)) if (!allowed.includes(key)) fields[`${prefix}${key}`] = 'is not a known field';
}

function text(body: Body, name: string, fields: Record<string, string>, pattern?: RegExp, prefix = ''): string {
  const value = body[name];
  if (typeof value !== 'string' || value.trim() === '') fields[`${prefix}${name}`] = 'is required and must be a non-empty string';
  else if (value.length > 200) fields[`${prefix}${name}`] = 'must be at most 200 characters';
  else if (pattern && !pattern.test(value)) fields[`${prefix}${name}`] = `must match ${pattern}`;
  return value as string;
}

function oneOf<T extends string>(body: Body, name: string, allowed: readonly T[], fields: Record<string, string>): T {
  const value = body[name];
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) fields[name] = `must be one of ${allowed.join(', ')}`;
  return value as T;
}

/**
 * Hand-written on purpose: three small bodies, and every message must name its field path.
 * Unknown fields are rejected (a typo must not be silently ignored); amounts are whole
 * minor units, also as strings so clients can send values past 2^53.
 */
export function parseNewOrder(input: unknown): NewOrder {
  const fields: Record<string, string> = {};
  const body = asObject(input, fields);
  if (!body) throw new InvalidInputError(fields);
  unknownFields(body, ['customerId', 'email', 'currency', 'lineItems'], fields);
  const customerId = text(body, 'customerId', fields);
  // Deliverability is the notifications worker's business; here only the shape is checked.
  const email = text(body, 'email', fields, /^[^\s]+$/);
  const currency = text(body, 'currency', fields, /^[A-Z]{3}$/);
  const items = body.lineItems;
  const lineItems: NewOrder['lineItems'][number][] = [];
  if (!Array.isArray(items) || items.length === 0 || items.length > 100) fields.lineItems = 'must be an array of 1 to 100 items';
  else {
    items.forEach((raw, i) => {
      const prefix = `lineItems[${i}].`;
      const item = asObject(raw, fields, `lineItems[${i}]`);
      if (!item) return;
      unknownFields(item, ['sku', 'quantity', 'unitPriceMinor'], fields, prefix);
      const sku = text(item, 'sku', fields, undefined, prefix);
      const quantity = item.quantity;
      if (!Number.isInteger(quantity) || (quantity as number) < 1 || (quantity as number) > 10_000) fields[`${prefix}quantity`] = 'must be a whole number from 1 to 10000';
      const price = item.unitPriceMinor;
      let unitPriceMinor = 0n;
      if ((typeof price === 'number' && Number.isSafeInteger(price) && price >= 0) || (typeof price === 'string' && /^\d{1,18}$/.test(price))) unitPriceMinor = BigInt(price);
      else fields[`${prefix}unitPriceMinor`] = 'must be a whole number of minor units ≥ 0 (a number, or a string of digits)';
      lineItems.push({ sku, quantity: quantity as number, unitPriceMinor });
    });
  }
  if (Object.keys(fields).length > 0) throw new InvalidInputError(fields);
  return { customerId, email, currency, lineItems };
}

export function parsePayment(input: unknown): Payment {
  const fields: Record<string, string> = {};
  const body = asObject(input, fields);
  if (!body) throw new InvalidInputError(fields);
  unknownFields(body, ['paymentId', 'method'], fields);
  const paymentId = text(body, 'paymentId', fields);
  const method = oneOf(body, 'method', ['CARD', 'BANK_TRANSFER', 'WALLET'] as const, fields);
  if (Object.keys(fields).length > 0) throw new InvalidInputError(fields);
  return { paymentId, method };
}

export function parseCancellation(input: unknown): Cancellation {
  const fields: Record<string, string> = {};
  const body = asObject(input, fields);
  if (!body) throw new InvalidInputError(fields);
  unknownFields(body, ['reason', 'note'], fields);
  const reason = oneOf(body, 'reason', ['CUSTOMER_REQUEST', 'PAYMENT_FAILED', 'OUT_OF_STOCK', 'FRAUD_SUSPECTED'] as const, fields);
  const note = body.note;
  if (note !== undefined && note !== null && (typeof note !== 'string' || note.length > 500)) fields.note = 'must be a string of at most 500 characters';
  if (Object.keys(fields).length > 0) throw new InvalidInputError(fields);
  return { reason, note: (note as string | undefined) ?? null };
}
