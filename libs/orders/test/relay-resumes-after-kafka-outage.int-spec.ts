/**
 * Kafka away, then flaky, then back. Expected: during the outage the API keeps accepting
 * (events wait in the outbox, nothing reaches the topic) and the relay backs off; while
 * publishes fail at random, what goes out still keeps each order's order; once Kafka is
 * back the relay resumes by itself and every committed event is on the topic, in order.
 * The outage is simulated by the publisher (FaultyPublisher): the broker is shared by every
 * test, so it cannot be stopped here. PostgreSQL, real broker and registry.
 */
import type { Pool } from 'pg';
import { startSchemaRegistry, TestTopics, testKafka, uniqueName, type SchemaRegistryProcess } from '@eventline/testing';
import type { OrdersApp } from '../src/create-orders-app';
import { OutboxRelay } from '../src/outbox/outbox-relay';
import { FaultyPublisher } from './support/faulty.publisher';
import { anOrder, dropSchema, endOffsets, eventually, httpClient, readTopic, schemaPool, sleep, startApp, testEnv, uniqueSchema } from './support/orders-test-kit';
import { outboxViolations, type CommittedEvent } from './support/per-order-order';

describe('relay resumes after a Kafka outage', () => {
  const prefix = `${uniqueName('orders-outage')}.`;
  const topic = `${prefix}orders`;
  const schema = uniqueSchema('orders_outage');
  const kafka = testKafka();
  const topics = new TestTopics(kafka);
  let registry: SchemaRegistryProcess;
  let app: OrdersApp;
  let publisher: FaultyPublisher;
  let pool: Pool;
  let http: ReturnType<typeof httpClient>;

  beforeAll(async () => {
    registry = await startSchemaRegistry();
    await topics.createNamed(topic, 3);
    app = await startApp(testEnv({ registryUrl: registry.url, topicPrefix: prefix, schema }), {
      publisherFactory: (dependencies) => (publisher = new FaultyPublisher(dependencies)),
    });
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

  const pending = async () => Number((await pool.query<{ n: string }>('SELECT count(*)::text AS n FROM outbox WHERE published_at IS NULL')).rows[0].n);

  /** Places an order and changes it `steps` times (pay or cancel), each over HTTP. */
  async function orderWithHistory(n: number): Promise<void> {
    const placed = await http.post('/orders', anOrder(`c-${n}`));
    expect(placed.status).toBe(201);
    const change = n % 2 === 0 ? http.post(`/orders/${placed.body.orderId}/pay`, { paymentId: `p-${n}`, method: 'CARD' }) : http.post(`/orders/${placed.body.orderId}/cancel`, { reason: 'CUSTOMER_REQUEST' });
    expect((await change).status).toBe(200);
  }

  it('accepts orders while Kafka is away, then publishes all of them in order once it is back', async () => {
    const relay = app.nest.get(OutboxRelay);
    const offsetsBefore = await endOffsets(await topics.admin(), topic);

    publisher.failing = () => true;
    await Promise.all(Array.from({ length: 10 }, (_, n) => orderWithHistory(n)));
    await eventually(async () => relay.status.consecutiveFailedRounds >= 3, 10_000, 'three failed rounds');
    expect(relay.status.state).toBe('backing-off');
    expect(await pending()).toBe(20);
    expect(await endOffsets(await topics.admin(), topic)).toBe(offsetsBefore);
    const health = await http.get('/health');
    expect(health.body.info?.outbox ?? health.body.error?.outbox).toMatchObject({ pending: 20, relay: { state: 'backing-off' } });

    // Flaky: half the publishes fail, at random, while more orders come in.
    publisher.failing = () => Math.random() < 0.5;
    await Promise.all(Array.from({ length: 10 }, (_, n) => orderWithHistory(10 + n)));
    await sleep(500);

    publisher.failing = () => false;
    await eventually(async () => (await pending()) === 0, 20_000, 'outbox empty');
    expect(relay.status.state).toBe('running');
    expect(publisher.refused).toBeGreaterThan(20);

    const committed = (await pool.query<{ event_id: string; event_key: string; key_seq: number }>('SELECT event_id, event_key, key_seq FROM outbox')).rows.map(
      (r): CommittedEvent => ({ eventId: r.event_id, key: r.event_key, seq: r.key_seq }),
    );
    expect(committed).toHaveLength(40);
    const records = await readTopic(kafka, topic, (seen) => seen.length >= 40);
    expect(outboxViolations(committed, records)).toEqual([]);
  });
});
