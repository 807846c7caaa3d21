/**
 * The orders service over HTTP with its outbox, against the real broker, a registry process
 * and embedded PGlite. Expected: bad input answers 400 (field by field), 413, 404 or 409 and
 * writes nothing (no outbox row, topic end offsets unchanged); a placed and paid order
 * leaves OrderPlaced then OrderPaid on its key, with ce_id = the outbox row's id; events
 * committed while the relay is down are all published, in order, once it runs again.
 */
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AvroCodec, CodecMode, ConfluentSchemaRegistryClient } from '@eventline/codec';
import { CloudEventHeader, type Topic } from '@eventline/contracts';
import type { Database } from '@eventline/persistence';
import { provisionTopics } from '@eventline/runtime';
import { DATABASE } from '@eventline/service-kit';
import { startSchemaRegistry, testBrokers, testKafka, TestTopics, uniqueName, type SchemaRegistryProcess } from '@eventline/testing';
import { OutboxRelay, startOrdersService } from '../src';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('orders service', () => {
  const prefix = `${uniqueName('orders-svc')}.`;
  const ordersTopic = `${prefix}orders`;
  const kafka = testKafka();
  const topics = new TestTopics(kafka);
  let registry: SchemaRegistryProcess;
  let app: NestExpressApplication;
  let base: string;
  let db: Database;

  beforeAll(async () => {
    registry = await startSchemaRegistry();
    await provisionTopics(await topics.admin(), { physical: (t: Topic) => `${prefix}${t}` });
    app = await startOrdersService({
      port: 0,
      brokers: testBrokers(),
      schemaRegistryUrl: registry.url,
      codecMode: CodecMode.Development,
      topicPrefix: prefix,
      outboxPollMs: 20,
      outboxBatch: 100,
    });
    base = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    db = app.get<Database>(DATABASE);
  }, 90_000);

  afterAll(async () => {
    await app?.close();
    const admin = await topics.admin();
    await admin.deleteTopics({ topics: (await admin.listTopics()).filter((t) => t.startsWith(prefix)) }).catch(() => undefined);
    await topics.cleanup();
    await registry?.stop();
  }, 60_000);

  const post = async (path: string, body: unknown, raw?: string) => {
    const response = await fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: raw ?? JSON.stringify(body) });
    return { status: response.status, body: (await response.json()) as Record<string, any> };
  };
  const order = { customerId: 'c-1', email: 'ada@example.com', currency: 'EUR', lineItems: [{ sku: 'SKU-1', quantity: 2, unitPriceMinor: 1999 }] };
  const outboxRows = async () => Number((await db.query<{ n: string }>('SELECT count(*)::text AS n FROM outbox'))[0].n);
  const endOffsets = async () => (await (await topics.admin()).fetchTopicOffsets(ordersTopic)).map((p) => p.high).join(',');

  it.each([
    ['an unknown field', { ...order, coupon: 'X' }, 'coupon', 'is not a known field'],
    ['a missing field', { email: order.email, currency: 'EUR', lineItems: order.lineItems }, 'customerId', 'is required'],
    ['a wrong type', { ...order, lineItems: [{ sku: 'S', quantity: '2', unitPriceMinor: 1 }] }, 'lineItems[0].quantity', 'whole number'],
    ['a bad currency', { ...order, currency: 'euro' }, 'currency', 'must match'],
    ['a negative price', { ...order, lineItems: [{ sku: 'S', quantity: 1, unitPriceMinor: -5 }] }, 'lineItems[0].unitPriceMinor', 'minor units'],
  ])('answers 400 naming the field for %s, and writes nothing', async (_name, body, field, message) => {
    const rowsBefore = await outboxRows();
    const offsetsBefore = await endOffsets();
    const { status, body: answer } = await post('/orders', body);
    expect(status).toBe(400);
    expect(answer.error.code).toBe('ORDERS_INVALID_INPUT');
    expect(answer.error.fields[field]).toContain(message);
    expect(await outboxRows()).toBe(rowsBefore);
    await sleep(100);
    expect(await endOffsets()).toBe(offsetsBefore);
  });

  it('answers 400 for malformed JSON, 413 for an oversized body, 404 for an unknown order', async () => {
    expect((await post('/orders', undefined, '{"customerId":')).status).toBe(400);
    const huge = { ...order, lineItems: [{ sku: 'x'.repeat(100_000), quantity: 1, unitPriceMinor: 1 }] };
    const tooLarge = await post('/orders', huge);
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.body.error.code).toBe('ORDERS_BODY_TOO_LARGE');
    expect((await post('/orders/no-such-order/pay', { paymentId: 'p', method: 'CARD' })).status).toBe(404);
  });

  it('publishes OrderPlaced then OrderPaid through the outbox, and refuses to pay twice (409)', async () => {
    const placed = await post('/orders', order);
    expect(placed.status).toBe(201);
    const id = placed.body.orderId as string;
    expect((await post(`/orders/${id}/pay`, { paymentId: 'p-1', method: 'CARD' })).status).toBe(200);
    const twice = await post(`/orders/${id}/pay`, { paymentId: 'p-2', method: 'CARD' });
    expect(twice.status).toBe(409);
    expect((await post(`/orders/${id}/cancel`, { reason: 'CUSTOMER_REQUEST' })).status).toBe(409);

    const events = await readOrderEvents(id, 2);
    expect(events.map((e) => e.type)).toEqual(['dev.eventline.orders.OrderPlaced', 'dev.eventline.orders.OrderPaid']);
    const ids = await db.query<{ event_id: string }>('SELECT event_id FROM outbox WHERE order_id = $1 ORDER BY seq', [id]);
    expect(events.map((e) => e.id)).toEqual(ids.map((r) => r.event_id));
    expect((events[1].value as { amountMinor: bigint }).amountMinor).toBe(3998n);
  });

  it('publishes, in order, everything committed while the relay was down', async () => {
    const relay = app.get(OutboxRelay);
    await relay.stop();
    const placed = await post('/orders', { ...order, customerId: 'c-2' });
    const id = placed.body.orderId as string;
    await post(`/orders/${id}/cancel`, { reason: 'OUT_OF_STOCK', note: 'sorry' });
    expect(Number((await db.query<{ n: string }>('SELECT count(*)::text AS n FROM outbox WHERE order_id = $1 AND published_at IS NULL', [id]))[0].n)).toBe(2);
    relay.start();
    const events = await readOrderEvents(id, 2);
    expect(events.map((e) => e.type)).toEqual(['dev.eventline.orders.OrderPlaced', 'dev.eventline.orders.OrderCancelled']);
  });

  async function readOrderEvents(orderId: string, count: number): Promise<Array<{ type: string; id: string; value: unknown }>> {
    const codec = new AvroCodec({ registry: new ConfluentSchemaRegistryClient({ host: registry.url }), mode: CodecMode.Development });
    const consumer = kafka.consumer({ groupId: uniqueName('orders-reader') });
    await consumer.connect();
    await consumer.subscribe({ topic: ordersTopic, fromBeginning: true });
    const found: Array<{ type: string; id: string; value: unknown }> = [];
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`saw ${found.length} of ${count} events of ${orderId}`)), 30_000);
      void consumer.run({
        eachMessage: async ({ message }) => {
          if (message.key?.toString() !== orderId) return;
          found.push({ type: message.headers![CloudEventHeader.Type]!.toString(), id: message.headers![CloudEventHeader.Id]!.toString(), value: await codec.decode(message.value!) });
          if (found.length === count) {
            clearTimeout(timer);
            resolve();
          }
        },
      });
    });
    await consumer.disconnect();
    return found;
  }
});
