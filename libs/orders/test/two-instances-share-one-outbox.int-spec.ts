/**
 * Two instances on one PostgreSQL schema, both relaying. Expected: with FOR UPDATE SKIP
 * LOCKED no row is taken by both, so without a crash every event is on the topic exactly
 * once, and each order's events in order even when its changes went through different
 * instances. Real broker and registry.
 */
import type { Pool } from 'pg';
import { CloudEventHeader } from '@eventline/contracts';
import { startSchemaRegistry, TestTopics, testKafka, uniqueName, type SchemaRegistryProcess } from '@eventline/testing';
import type { OrdersApp } from '../src/create-orders-app';
import { anOrder, dropSchema, eventually, httpClient, readTopic, schemaPool, startApp, testEnv, uniqueSchema } from './support/orders-test-kit';
import { outboxViolations, type CommittedEvent } from './support/per-order-order';

describe('two instances share one outbox', () => {
  const prefix = `${uniqueName('orders-two')}.`;
  const topic = `${prefix}orders`;
  const schema = uniqueSchema('orders_two');
  const kafka = testKafka();
  const topics = new TestTopics(kafka);
  let registry: SchemaRegistryProcess;
  let apps: OrdersApp[] = [];
  let pool: Pool;

  beforeAll(async () => {
    registry = await startSchemaRegistry();
    await topics.createNamed(topic, 3);
    const env = testEnv({ registryUrl: registry.url, topicPrefix: prefix, schema, extra: { OUTBOX_BATCH: '5' } });
    apps = [await startApp(env), await startApp(env)];
    pool = schemaPool(schema);
  }, 60_000);

  afterAll(async () => {
    await Promise.all(apps.map((app) => app.close()));
    await pool?.end();
    await dropSchema(schema);
    await topics.cleanup();
    await registry?.stop();
  }, 60_000);

  it('publishes each event once and each order in order', async () => {
    const [a, b] = apps.map((app) => httpClient(app.url));
    await Promise.all(
      Array.from({ length: 30 }, async (_, n) => {
        const placed = await (n % 2 ? a : b).post('/orders', anOrder(`c-${n}`));
        expect(placed.status).toBe(201);
        // The change goes through the other instance.
        const other = n % 2 ? b : a;
        if (n % 3) expect((await other.post(`/orders/${placed.body.orderId}/pay`, { paymentId: `p-${n}`, method: 'CARD' })).status).toBe(200);
        else expect((await other.post(`/orders/${placed.body.orderId}/cancel`, { reason: 'OUT_OF_STOCK' })).status).toBe(200);
      }),
    );
    const pending = async () => Number((await pool.query<{ n: string }>('SELECT count(*)::text AS n FROM outbox WHERE published_at IS NULL')).rows[0].n);
    await eventually(async () => (await pending()) === 0, 20_000, 'outbox empty');

    const committed = (await pool.query<{ event_id: string; event_key: string; key_seq: number }>('SELECT event_id, event_key, key_seq FROM outbox')).rows.map(
      (r): CommittedEvent => ({ eventId: r.event_id, key: r.event_key, seq: r.key_seq }),
    );
    expect(committed).toHaveLength(60);
    const records = await readTopic(kafka, topic, (seen) => seen.length >= 60);
    expect(outboxViolations(committed, records)).toEqual([]);
    expect(new Set(records.map((r) => r.headers[CloudEventHeader.Id])).size).toBe(records.length);
    // Nothing beyond the 60 read: the topic holds exactly one record per event.
    const offsets = await (await topics.admin()).fetchTopicOffsets(topic);
    expect(offsets.reduce((sum, p) => sum + Number(p.high), 0)).toBe(60);
  });
});
