/**
 * Embedded PGlite (no DATABASE_URL) and a graceful stop. Expected: the service runs with no
 * database server; orders committed while its relay sleeps are published by the drain that
 * SIGTERM starts — an in-memory database would otherwise take them to the grave — and the
 * process exits 0. Then the events are on the topic in order. A child process of main.ts;
 * real broker and registry.
 */
import { startSchemaRegistry, TestTopics, testKafka, uniqueName, type SchemaRegistryProcess } from '@eventline/testing';
import { startOrdersProcess } from './support/orders-process';
import { anOrder, httpClient, readTopic, testEnv } from './support/orders-test-kit';

describe('SIGTERM drains the outbox on PGlite', () => {
  const prefix = `${uniqueName('orders-pglite')}.`;
  const topic = `${prefix}orders`;
  const kafka = testKafka();
  const topics = new TestTopics(kafka);
  let registry: SchemaRegistryProcess;

  beforeAll(async () => {
    registry = await startSchemaRegistry();
    await topics.createNamed(topic, 3);
  }, 60_000);

  afterAll(async () => {
    await topics.cleanup();
    await registry?.stop();
  }, 60_000);

  it('serves without a database server and publishes every committed event before exiting', async () => {
    const orders = await startOrdersProcess(testEnv({ registryUrl: registry.url, topicPrefix: prefix, extra: { OUTBOX_POLL_MS: '60000' } }));
    const http = httpClient(orders.url);
    const ids: string[] = [];
    try {
      for (let n = 0; n < 5; n++) {
        const placed = await http.post('/orders', anOrder(`c-${n}`));
        expect(placed.status).toBe(201);
        ids.push(placed.body.orderId);
        expect((await http.post(`/orders/${placed.body.orderId}/pay`, { paymentId: `p-${n}`, method: 'WALLET' })).status).toBe(200);
      }
      expect((await http.get(`/orders/${ids[0]}`)).body).toMatchObject({ status: 'PAID', version: 2 });
      expect((await http.get('/health')).body.info).toMatchObject({ database: { kind: 'pglite' }, outbox: { pending: 10 } });
    } finally {
      expect(await orders.stop()).toBe(0);
    }
    expect(orders.output()).toContain('outbox drained');

    const records = await readTopic(kafka, topic, (seen) => seen.length >= 10);
    for (const id of ids) {
      expect(records.filter((r) => r.key === id).map((r) => r.headers.ce_type)).toEqual(['dev.eventline.orders.OrderPlaced', 'dev.eventline.orders.OrderPaid']);
    }
  });
});
