/**
 * The happy path, end to end. Expected: a placed then paid order and a placed then
 * cancelled order leave OrderPlaced → OrderPaid and OrderPlaced → OrderCancelled on the
 * orders topic, keyed by order id, in order, with the CloudEvents headers (ce_id = the
 * outbox row's event id) and Avro values the codec decodes, amounts exact past 2^53;
 * GET shows the order; /health is up with its checks; /metrics has the outbox and HTTP
 * metrics next to the runtime's. PostgreSQL, real broker and registry.
 */
import type { Pool } from 'pg';
import { CloudEventHeader } from '@eventline/contracts';
import { startSchemaRegistry, TestTopics, testKafka, uniqueName, type SchemaRegistryProcess } from '@eventline/testing';
import type { OrdersApp } from '../src/create-orders-app';
import { anOrder, dropSchema, httpClient, readTopic, schemaPool, startApp, testCodec, testEnv, uniqueSchema } from './support/orders-test-kit';

describe('order events reach the topic in order', () => {
  const prefix = `${uniqueName('orders-e2e')}.`;
  const topic = `${prefix}orders`;
  const schema = uniqueSchema('orders_e2e');
  const kafka = testKafka();
  const topics = new TestTopics(kafka);
  let registry: SchemaRegistryProcess;
  let app: OrdersApp;
  let pool: Pool;
  let http: ReturnType<typeof httpClient>;

  beforeAll(async () => {
    registry = await startSchemaRegistry();
    await topics.createNamed(topic, 3);
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

  it('publishes each order history in order, with CloudEvents headers and decodable Avro values', async () => {
    const placed = await http.post('/orders', anOrder('c-paid'));
    expect(placed.status).toBe(201);
    expect(placed.body).toMatchObject({ status: 'PLACED', totalMinor: '9007199254744991', version: 1 });
    const paidId = placed.body.orderId as string;
    expect((await http.post(`/orders/${paidId}/pay`, { paymentId: 'pay-1', method: 'CARD' })).body).toMatchObject({ status: 'PAID', version: 2 });
    const cancelledId = (await http.post('/orders', anOrder('c-cancelled'))).body.orderId as string;
    expect((await http.post(`/orders/${cancelledId}/cancel`, { reason: 'OUT_OF_STOCK', note: 'sorry' })).status).toBe(200);
    expect((await http.get(`/orders/${paidId}`)).body).toMatchObject({ orderId: paidId, status: 'PAID', paymentId: 'pay-1', currency: 'EUR' });

    const records = await readTopic(kafka, topic, (seen) => seen.length >= 4);
    const codec = testCodec(registry.url);
    const historyOf = async (orderId: string) => {
      const mine = records.filter((r) => r.key === orderId);
      return Promise.all(mine.map(async (r) => ({ headers: r.headers, partition: r.partition, value: (await codec.decode(r.value)) as Record<string, unknown> })));
    };
    const paid = await historyOf(paidId);
    const cancelled = await historyOf(cancelledId);
    expect(paid.map((e) => e.headers[CloudEventHeader.Type])).toEqual(['dev.eventline.orders.OrderPlaced', 'dev.eventline.orders.OrderPaid']);
    expect(cancelled.map((e) => e.headers[CloudEventHeader.Type])).toEqual(['dev.eventline.orders.OrderPlaced', 'dev.eventline.orders.OrderCancelled']);

    const outbox = await pool.query<{ event_id: string; created_at: Date }>('SELECT event_id, created_at FROM outbox WHERE event_key = $1 ORDER BY key_seq', [paidId]);
    expect(paid.map((e) => e.headers[CloudEventHeader.Id])).toEqual(outbox.rows.map((r) => r.event_id));
    expect(paid.map((e) => e.headers[CloudEventHeader.Time])).toEqual(outbox.rows.map((r) => r.created_at.toISOString()));
    for (const event of [...paid, ...cancelled]) {
      expect(event.headers).toMatchObject({
        [CloudEventHeader.SpecVersion]: '1.0',
        [CloudEventHeader.Source]: '/eventline/orders-service',
        [CloudEventHeader.ContentType]: 'application/avro',
      });
    }
    expect(new Set(paid.map((e) => e.partition)).size).toBe(1);
    expect(paid[0].value).toMatchObject({ orderId: paidId, customerId: 'c-paid', totalMinor: 9007199254744991n, currency: 'EUR' });
    expect((paid[0].value.lineItems as Array<{ unitPriceMinor: bigint }>)[1].unitPriceMinor).toBe(9007199254740993n);
    expect(paid[1].value).toMatchObject({ orderId: paidId, paymentId: 'pay-1', amountMinor: 9007199254744991n, method: 'CARD' });
    expect(cancelled[1].value).toMatchObject({ orderId: cancelledId, reason: 'OUT_OF_STOCK', note: 'sorry', refundMinor: 0n });
  });

  it('reports database, registry, publisher and outbox on /health, and outbox and HTTP metrics on /metrics', async () => {
    const health = await http.get('/health');
    expect(health.status).toBe(200);
    expect(health.body.info).toMatchObject({
      database: { status: 'up', kind: 'postgres' },
      schemaRegistry: { status: 'up' },
      eventline: { status: 'up', publisher: 'connected' },
      outbox: { status: 'up', relay: { state: 'running' } },
    });
    const metrics = await http.text('/metrics');
    expect(metrics).toMatch(/^eventline_outbox_backlog \d+$/m);
    expect(metrics).toMatch(/^eventline_outbox_published_total [1-9]\d*$/m);
    expect(metrics).toMatch(/^eventline_http_requests_total\{method="POST",route="\/orders",status="201"\} [1-9]/m);
    expect(metrics).toMatch(/^eventline_http_requests_total\{method="POST",route="\/orders\/:id\/pay",status="200"\} [1-9]/m);
    expect(metrics).toContain('eventline_outbox_relay_state{state="running"} 1');
    // The runtime publisher's own metric, from the same registry.
    expect(metrics).toMatch(/^eventline_events_published_total\{topic="[^"]+\.orders"\} [1-9]/m);
  });
});
