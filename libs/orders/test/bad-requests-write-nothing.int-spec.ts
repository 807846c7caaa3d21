/**
 * Refused requests leave no trace. Expected: each kind of bad input answers 400 naming the
 * field, a body over 64 KB answers 413, a body that is not sent as JSON 415, an unknown order 404, an illegal transition 409 —
 * all as `{ error: { code, message, fields? } }` — and none of them adds an outbox row or a
 * record to the topic. PostgreSQL at 127.0.0.1:5432, a unique schema; real broker and registry.
 */
import type { Pool } from 'pg';
import { startSchemaRegistry, TestTopics, testKafka, uniqueName, type SchemaRegistryProcess } from '@eventline/testing';
import type { OrdersApp } from '../src/create-orders-app';
import { anOrder, dropSchema, eventually, endOffsets, httpClient, schemaPool, sleep, startApp, testEnv, uniqueSchema } from './support/orders-test-kit';

describe('bad requests write nothing', () => {
  const prefix = `${uniqueName('orders-bad')}.`;
  const schema = uniqueSchema('orders_bad');
  const topics = new TestTopics(testKafka());
  let registry: SchemaRegistryProcess;
  let app: OrdersApp;
  let pool: Pool;
  let http: ReturnType<typeof httpClient>;

  beforeAll(async () => {
    registry = await startSchemaRegistry();
    await topics.createNamed(`${prefix}orders`, 3);
    app = await startApp(testEnv({ registryUrl: registry.url, topicPrefix: prefix, schema }));
    http = httpClient(app.url);
    pool = schemaPool(schema);
  }, 60_000);

  afterAll(async () => {
    await app?.close();
    await pool?.end();
    await dropSchema(schema);
    await topics.cleanup();
    await registry?.stop();
  }, 60_000);

  const outboxRows = async () => Number((await pool.query<{ n: string }>('SELECT count(*)::text AS n FROM outbox')).rows[0].n);
  const offsets = async () => endOffsets(await topics.admin(), `${prefix}orders`);

  /** Runs `request` and checks that neither the outbox nor the topic changed. */
  async function writesNothing<T>(request: () => Promise<T>): Promise<T> {
    // Earlier, accepted requests' events must be out first, or their publishing moves the offsets.
    await eventually(async () => Number((await pool.query<{ n: string }>('SELECT count(*)::text AS n FROM outbox WHERE published_at IS NULL')).rows[0].n) === 0);
    const [rowsBefore, offsetsBefore] = [await outboxRows(), await offsets()];
    const result = await request();
    // Long enough for the relay (20 ms poll) to have published anything that was written.
    await sleep(300);
    expect(await outboxRows()).toBe(rowsBefore);
    expect(await offsets()).toBe(offsetsBefore);
    return result;
  }

  it.each([
    ['an unknown field', { ...anOrder(), coupon: 'X' }, 'coupon', 'is not a known field'],
    ['a missing field', { ...anOrder(), customerId: undefined }, 'customerId', 'is required'],
    ['a wrong type', { ...anOrder(), lineItems: [{ sku: 'S', quantity: '2', unitPriceMinor: 1 }] }, 'lineItems[0].quantity', 'must be a whole number'],
    ['a bad currency', { ...anOrder(), currency: 'euro' }, 'currency', 'ISO 4217'],
    ['a negative price', { ...anOrder(), lineItems: [{ sku: 'S', quantity: 1, unitPriceMinor: -5 }] }, 'lineItems[0].unitPriceMinor', 'minor units'],
    ['a total past the Avro long', { ...anOrder(), lineItems: [{ sku: 'S', quantity: 2, unitPriceMinor: '9223372036854775807' }] }, 'lineItems', 'total must be at most'],
  ])('answers 400 naming the field for %s', async (_name, body, field, message) => {
    const answer = await writesNothing(() => http.post('/orders', body));
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe('ORDERS_INVALID_REQUEST');
    expect(answer.body.error.fields[field]).toContain(message);
  });

  it('answers 400 for malformed JSON and 413 for a body over the limit', async () => {
    const malformed = await writesNothing(() => http.post('/orders', undefined, '{"customerId":'));
    expect(malformed).toEqual({ status: 400, body: { error: { code: 'ORDERS_MALFORMED_JSON', message: expect.any(String) } } });
    const huge = { ...anOrder(), lineItems: [{ sku: 'x'.repeat(70_000), quantity: 1, unitPriceMinor: 1 }] };
    const tooLarge = await writesNothing(() => http.post('/orders', huge));
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.body.error.code).toBe('ORDERS_BODY_TOO_LARGE');
  });

  it('answers 415 saying what to send for a body without a JSON content type', async () => {
    for (const headers of [{ 'content-type': 'text/plain' }, {}] as Array<Record<string, string>>) {
      const answer = await writesNothing(async () => {
        const response = await fetch(`${app.url}/orders`, { method: 'POST', headers, body: JSON.stringify(anOrder()) });
        return { status: response.status, body: (await response.json()) as { error: { code: string; message: string } } };
      });
      expect(answer.status).toBe(415);
      expect(answer.body.error.code).toBe('ORDERS_UNSUPPORTED_MEDIA_TYPE');
      expect(answer.body.error.message).toContain('Content-Type: application/json');
    }
  });

  it('answers 404 for an unknown order, on reads and on changes', async () => {
    expect((await http.get('/orders/no-such-order')).body.error.code).toBe('ORDERS_NOT_FOUND');
    const pay = await writesNothing(() => http.post('/orders/no-such-order/pay', { paymentId: 'p-1', method: 'CARD' }));
    expect(pay.status).toBe(404);
  });

  it('answers 409 for paying twice, paying a cancelled order and cancelling a paid one', async () => {
    const paid = (await http.post('/orders', anOrder())).body.orderId as string;
    expect((await http.post(`/orders/${paid}/pay`, { paymentId: 'p-1', method: 'CARD' })).status).toBe(200);
    const cancelled = (await http.post('/orders', anOrder())).body.orderId as string;
    expect((await http.post(`/orders/${cancelled}/cancel`, { reason: 'CUSTOMER_REQUEST' })).status).toBe(200);
    for (const [path, body] of [
      [`/orders/${paid}/pay`, { paymentId: 'p-2', method: 'CARD' }],
      [`/orders/${cancelled}/pay`, { paymentId: 'p-3', method: 'WALLET' }],
      [`/orders/${paid}/cancel`, { reason: 'FRAUD_SUSPECTED' }],
    ] as const) {
      const answer = await writesNothing(() => http.post(path, body));
      expect(answer.status).toBe(409);
      expect(answer.body.error.code).toBe('ORDERS_ILLEGAL_TRANSITION');
    }
    expect((await http.get(`/orders/${paid}`)).body).toMatchObject({ status: 'PAID', paymentId: 'p-1', version: 2 });
  });

  it('lets exactly one of two concurrent payments of one order through', async () => {
    const id = (await http.post('/orders', anOrder())).body.orderId as string;
    const answers = await Promise.all([1, 2, 3].map((n) => http.post(`/orders/${id}/pay`, { paymentId: `p-${n}`, method: 'CARD' })));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409, 409]);
    const rows = await pool.query('SELECT key_seq FROM outbox WHERE event_key = $1 ORDER BY key_seq', [id]);
    expect(rows.rows.map((r) => r.key_seq)).toEqual([1, 2]);
  });
});
