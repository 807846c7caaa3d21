/**
 * The schema registry goes away (issue 8, scenario 6). Expected: order changes answer 503
 * ORDERS_REGISTRY_UNAVAILABLE and write nothing, reads still answer, /health is down naming
 * the registry, nothing is published meanwhile — not even an event that was waiting in the
 * outbox; once the registry is back (same port, same schemas topic) changes are accepted
 * and the waiting event goes out. PostgreSQL, real broker, a registry process of its own.
 */
import { createServer } from 'node:net';
import type { Pool } from 'pg';
import { startSchemaRegistry, TestTopics, testKafka, uniqueName, type SchemaRegistryProcess } from '@eventline/testing';
import type { OrdersApp } from '../src/create-orders-app';
import { OutboxRelay } from '../src/outbox/outbox-relay';
import { anOrder, dropSchema, endOffsets, eventually, httpClient, schemaPool, sleep, startApp, testEnv, uniqueSchema } from './support/orders-test-kit';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

describe('registry unreachable answers 503', () => {
  const prefix = `${uniqueName('orders-registry')}.`;
  const topic = `${prefix}orders`;
  const schema = uniqueSchema('orders_registry');
  const topics = new TestTopics(testKafka());
  let port: number;
  let registry: SchemaRegistryProcess | undefined;
  /** The restarted registry reads the same schemas topic, so schema ids stay what they were. */
  let schemasTopic: string;
  let app: OrdersApp;
  let pool: Pool;
  let http: ReturnType<typeof httpClient>;

  beforeAll(async () => {
    port = await freePort();
    registry = await startSchemaRegistry({ port });
    schemasTopic = registry.topic;
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

  const outboxRows = async () => Number((await pool.query<{ n: string }>('SELECT count(*)::text AS n FROM outbox')).rows[0].n);
  const pending = async () => Number((await pool.query<{ n: string }>('SELECT count(*)::text AS n FROM outbox WHERE published_at IS NULL')).rows[0].n);

  it('refuses order changes and publishes nothing while the registry is away, and recovers by itself', async () => {
    const paid = (await http.post('/orders', anOrder())).body.orderId as string;
    const waiting = (await http.post('/orders', anOrder())).body.orderId as string;
    await eventually(async () => (await pending()) === 0, 10_000, 'first events published');

    // One event committed while the relay is stopped, so it waits in the outbox through the outage.
    const relay = app.nest.get(OutboxRelay);
    await relay.stop();
    expect((await http.post(`/orders/${waiting}/cancel`, { reason: 'CUSTOMER_REQUEST' })).status).toBe(200);
    await registry!.stop();
    registry = undefined;
    relay.start();
    const rowsBefore = await outboxRows();
    const offsetsBefore = await endOffsets(await topics.admin(), topic);
    await sleep(300);

    for (const [path, body] of [
      ['/orders', anOrder()],
      [`/orders/${paid}/cancel`, { reason: 'CUSTOMER_REQUEST' }],
    ] as const) {
      const answer = await http.post(path, body);
      expect(answer.status).toBe(503);
      expect(answer.body.error.code).toBe('ORDERS_REGISTRY_UNAVAILABLE');
      expect(answer.body.error.message).toContain('schema registry is unreachable');
    }
    expect((await http.get(`/orders/${paid}`)).status).toBe(200);
    const health = await http.get('/health');
    expect(health.status).toBe(503);
    expect(health.body.error.schemaRegistry.status).toBe('down');
    await sleep(500);
    expect(relay.status.state).toBe('held-for-registry');
    expect(await outboxRows()).toBe(rowsBefore);
    expect(await pending()).toBe(1);
    expect(await endOffsets(await topics.admin(), topic)).toBe(offsetsBefore);

    const restarted = await startSchemaRegistry({ port, topic: schemasTopic });
    registry = restarted;
    await eventually(async () => (await http.post('/orders', anOrder())).status === 201, 10_000, 'orders accepted again');
    await eventually(async () => (await pending()) === 0, 10_000, 'the waiting event published');
  });
});
