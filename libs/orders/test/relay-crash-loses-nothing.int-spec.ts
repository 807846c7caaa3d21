/**
 * The orders service killed with SIGKILL, twice. Expected: events committed before the
 * first kill but never published (its relay had not run yet), and events of a stream cut
 * off by the second kill mid-publish (some acknowledged but not yet marked), all reach the
 * topic after the next start: none lost, each order's events in order, a re-sent event
 * with the same ce_id, bytes and ce_time as its first copy. Child processes of main.ts;
 * PostgreSQL, real broker and registry.
 */
import type { Pool } from 'pg';
import { startSchemaRegistry, TestTopics, testKafka, uniqueName, type SchemaRegistryProcess } from '@eventline/testing';
import type { OrdersApp } from '../src/create-orders-app';
import { startOrdersProcess } from './support/orders-process';
import { anOrder, dropSchema, eventually, httpClient, readTopic, schemaPool, startApp, testEnv, uniqueSchema } from './support/orders-test-kit';
import { outboxViolations, type CommittedEvent } from './support/per-order-order';

describe('relay crash loses nothing', () => {
  const prefix = `${uniqueName('orders-crash')}.`;
  const topic = `${prefix}orders`;
  const schema = uniqueSchema('orders_crash');
  const kafka = testKafka();
  const topics = new TestTopics(kafka);
  let registry: SchemaRegistryProcess;
  let restarted: OrdersApp | undefined;
  let pool: Pool;

  beforeAll(async () => {
    registry = await startSchemaRegistry();
    await topics.createNamed(topic, 3);
    pool = schemaPool(schema);
  }, 60_000);

  afterAll(async () => {
    await restarted?.close();
    await pool?.end();
    await dropSchema(schema);
    await topics.cleanup();
    await registry?.stop();
  }, 60_000);

  const env = (extra: Record<string, string> = {}) => testEnv({ registryUrl: registry.url, topicPrefix: prefix, schema, extra });
  const pending = async () => Number((await pool.query<{ n: string }>('SELECT count(*)::text AS n FROM outbox WHERE published_at IS NULL')).rows[0].n);

  /** An order placed and then paid or cancelled; requests cut off by a kill just stop. */
  async function orderWithHistory(base: string, n: number): Promise<void> {
    const http = httpClient(base);
    const placed = await http.post('/orders', anOrder(`c-${n}`));
    if (n % 2 === 0) await http.post(`/orders/${placed.body.orderId}/pay`, { paymentId: `p-${n}`, method: 'CARD' });
    else await http.post(`/orders/${placed.body.orderId}/cancel`, { reason: 'OUT_OF_STOCK' });
  }

  it('publishes every committed event after SIGKILL, in per-order order, with stable ce_ids', async () => {
    // 1. Killed after the commits, before its relay's next round (it polls once a minute).
    const first = await startOrdersProcess(env({ OUTBOX_POLL_MS: '60000' }));
    await Promise.all(Array.from({ length: 10 }, (_, n) => orderWithHistory(first.url, n)));
    await first.kill();
    expect(await pending()).toBe(20);

    // 2. Killed mid-stream: its relay publishes the 20 above and whatever the traffic adds.
    const second = await startOrdersProcess(env());
    let answered = 0;
    const traffic = Array.from({ length: 40 }, (_, n) => orderWithHistory(second.url, 100 + n).then(() => answered++, () => undefined));
    await eventually(async () => answered >= 15, 20_000, '15 orders through the second process');
    await second.kill();
    await Promise.all(traffic);

    // 3. Restarted: everything committed goes out.
    restarted = await startApp(env());
    await eventually(async () => (await pending()) === 0, 30_000, 'outbox empty after the restart');
    const committed = (await pool.query<{ event_id: string; event_key: string; key_seq: number }>('SELECT event_id, event_key, key_seq FROM outbox')).rows.map(
      (r): CommittedEvent => ({ eventId: r.event_id, key: r.event_key, seq: r.key_seq }),
    );
    expect(committed.length).toBeGreaterThanOrEqual(20 + 30);
    const ids = new Set(committed.map((e) => e.eventId));
    const records = await readTopic(kafka, topic, (seen) => new Set(seen.map((r) => r.headers.ce_id).filter((id) => ids.has(id))).size === ids.size);
    expect(outboxViolations(committed, records)).toEqual([]);
  });
});
