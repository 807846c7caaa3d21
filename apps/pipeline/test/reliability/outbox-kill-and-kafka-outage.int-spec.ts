/**
 * S7 (issue 8). Expected: the orders service is killed with SIGKILL after its database
 * commits and before its relay published them; then Kafka goes down entirely for 20 s while
 * a new instance starts (it boots without Kafka: the publisher connects in the background)
 * and takes more orders. Once Kafka is back, every committed event reaches the orders topic,
 * each order's events in order, and the downstream effects happen once per ce_id: one
 * shipment per paid order, one email per causing event.
 *
 * Kafka here is the three-node cluster (every node killed, so nothing answers), leased so
 * other fault specs wait; the schema registry stays up on the main test broker. PostgreSQL
 * for the orders service, embedded PGlite for the two workers (in this process).
 */
import { plainConnectionSettings } from '@eventline/connection';
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { Kafka, logLevel, type Admin } from 'kafkajs';
import { Pool } from 'pg';
import { CodecMode } from '@eventline/codec';
import type { Topic } from '@eventline/contracts';
import { startFulfillmentWorker } from '@eventline/fulfillment';
import { ClusterMode, LocalKafka, workspaceRoot } from '@eventline/local-kafka';
import { EmailSink, startNotificationsWorker } from '@eventline/notifications';
import { check, groupLag, publishResult, reliabilityProfile, sleep, waitUntil } from '@eventline/reliability';
import { kafkaJsAdmin, provisionTopics } from '@eventline/runtime';
import { DATABASE } from '@eventline/service-kit';
import type { Database } from '@eventline/persistence';
import { startSchemaRegistry, uniqueName, type SchemaRegistryProcess } from '@eventline/testing';

const figures = reliabilityProfile();
const OUTAGE_MS = 20_000;
const ORDERS_BEFORE_KILL = figures.profile === 'long' ? 50 : 10;
const ORDERS_DURING_OUTAGE = figures.profile === 'long' ? 50 : 10;
const POSTGRES_URL = process.env.EVENTLINE_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** apps/orders-service/src/main.ts as its own process, as the pipeline runs it. */
class OrdersProcess {
  private output = '';
  readonly exited: Promise<number | null>;

  private constructor(private readonly child: ChildProcess) {
    child.stdout?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    this.exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
  }

  static async start(env: Record<string, string>): Promise<{ process: OrdersProcess; url: string }> {
    const child = spawn(process.execPath, ['-r', '@swc-node/register', join('apps', 'orders-service', 'src', 'main.ts')], {
      cwd: workspaceRoot(),
      env: { ...process.env, SWC_NODE_PROJECT: 'tsconfig.base.json', NO_COLOR: '1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const orders = new OrdersProcess(child);
    let exitedEarly = false;
    void orders.exited.then(() => (exitedEarly = true));
    let url: string | undefined;
    await waitUntil(() => {
      url = /orders-service listening on (http:\/\/\S+)/.exec(orders.output)?.[1];
      return url !== undefined || exitedEarly;
    }, 60_000, 50);
    if (!url) throw new Error(`orders-service did not start:\n${orders.output.slice(-2_000)}`);
    return { process: orders, url };
  }

  async kill(): Promise<void> {
    this.child.kill('SIGKILL');
    await this.exited;
  }

  async stop(): Promise<void> {
    this.child.kill('SIGTERM');
    await Promise.race([this.exited, sleep(15_000)]);
    this.child.kill('SIGKILL');
  }
}

async function post(url: string, body: unknown): Promise<{ status: number; body: { orderId?: string } }> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: response.status, body: (await response.json().catch(() => ({}))) as { orderId?: string } };
}

/** Places an order and pays every other one; answers how many changes were accepted (201/200). */
async function orderWithPayment(base: string, n: number): Promise<number> {
  const placed = await post(`${base}/orders`, {
    customerId: `c-${n}`,
    email: `customer-${n}@example.com`,
    currency: 'EUR',
    lineItems: [{ sku: 'SKU-1', quantity: 1, unitPriceMinor: 1999 }],
  });
  if (placed.status !== 201 || !placed.body.orderId) return 0;
  if (n % 2 === 1) return 1;
  const paid = await post(`${base}/orders/${placed.body.orderId}/pay`, { paymentId: `p-${n}`, method: 'CARD' });
  return paid.status < 300 ? 2 : 1;
}

describe('S7: orders service killed before its relay ran, then Kafka down for 20 s', () => {
  const cluster = new LocalKafka({ mode: ClusterMode.Three });
  const prefix = `${uniqueName('s7')}.`;
  const physical = (topic: Topic | string) => `${prefix}${topic}`;
  const schema = `s7_${Date.now().toString(36)}`;
  let releaseLease: () => void = () => undefined;
  let startedHere = false;
  let kafka: Kafka;
  let admin: Admin;
  let registry: SchemaRegistryProcess;
  let pool: Pool;
  const workers: INestApplication[] = [];
  let orders: OrdersProcess | undefined;

  beforeAll(async () => {
    releaseLease = await cluster.lease();
    startedHere = !(await cluster.start()).alreadyRunning;
    kafka = new Kafka({ clientId: 'reliability-s7', brokers: cluster.bootstrap, logLevel: logLevel.NOTHING });
    admin = kafka.admin();
    await admin.connect();
    await provisionTopics(kafkaJsAdmin(admin), { physical });
    registry = await startSchemaRegistry();
    pool = new Pool({ connectionString: POSTGRES_URL, max: 2 });
    const common = { connection: plainConnectionSettings(cluster.bootstrap, registry.url), codecMode: CodecMode.Development, topicPrefix: prefix, port: 0 };
    workers.push(await startFulfillmentWorker({ ...common, groupId: `${prefix}fulfillment` }));
    workers.push(await startNotificationsWorker({ ...common, groupId: `${prefix}notifications` }));
  }, 600_000);

  afterAll(async () => {
    try {
      await orders?.stop();
      for (const worker of workers) await worker.close().catch(() => undefined);
      const mine = (await admin?.listTopics().catch(() => [] as string[])) ?? [];
      await admin?.deleteTopics({ topics: mine.filter((t) => t.startsWith(prefix)) }).catch(() => undefined);
      await admin?.disconnect().catch(() => undefined);
      await pool?.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).catch(() => undefined);
      await pool?.end();
      await registry?.stop();
      // A cluster someone else started is left running, as it was found.
      if (startedHere) await cluster.stop();
      else await cluster.start();
    } finally {
      // Whatever failed above, the next fault spec must get the cluster.
      releaseLease();
    }
  }, 180_000);

  it(
    'publishes every committed event once Kafka is back, and the effects happen once per ce_id',
    async () => {
      const started = Date.now();
      const env = (extra: Record<string, string>) => ({
        PORT: '0',
        KAFKA_BROKERS: cluster.bootstrap.join(','),
        SCHEMA_REGISTRY_URL: registry.url,
        EVENTLINE_TOPIC_PREFIX: prefix,
        DATABASE_URL: POSTGRES_URL,
        DATABASE_SCHEMA: schema,
        REGISTRY_PROBE_MS: '200',
        ...extra,
      });
      const pending = async () => Number((await pool.query<{ n: string }>(`SELECT count(*)::text AS n FROM ${schema}.outbox WHERE published_at IS NULL`)).rows[0].n);

      // 1. Commits, then SIGKILL before the relay's next round (it polls once a minute).
      const first = await OrdersProcess.start(env({ OUTBOX_POLL_MS: '60000' }));
      orders = first.process;
      let accepted = 0;
      for (let n = 0; n < ORDERS_BEFORE_KILL; n++) accepted += await orderWithPayment(first.url, n);
      await first.process.kill();
      orders = undefined;
      const pendingAtKill = await pending();

      // 2. Kafka down entirely; a new instance boots and takes orders meanwhile.
      for (const id of [1, 2, 3]) await cluster.killNode(id);
      const outageStarted = Date.now();
      const second = await OrdersProcess.start(env({ OUTBOX_POLL_MS: '100' }));
      orders = second.process;
      let acceptedDuringOutage = 0;
      for (let n = ORDERS_BEFORE_KILL; n < ORDERS_BEFORE_KILL + ORDERS_DURING_OUTAGE; n++) acceptedDuringOutage += await orderWithPayment(second.url, n);
      await sleep(Math.max(0, OUTAGE_MS - (Date.now() - outageStarted)));
      const pendingInOutage = await pending();

      // 3. Kafka back: the relay drains the outbox by itself; the workers catch up.
      await cluster.start();
      const restored = Date.now();
      const drained = await waitUntil(async () => (await pending()) === 0, 120_000, 250);
      const settled = await waitUntil(async () => {
        for (const [group, topic] of [
          [`${prefix}fulfillment`, physical('orders')],
          [`${prefix}notifications`, physical('orders')],
          [`${prefix}notifications`, physical('shipments')],
        ]) {
          if ((await groupLag(admin, group, topic).catch(() => -1n)) !== 0n) return false;
        }
        return true;
      }, 120_000, 500);
      const recoveryMs = Date.now() - restored;

      // Committed events (the outbox) against the topic.
      const committed = (await pool.query<{ event_id: string; event_key: string; key_seq: number; event_type: string }>(`SELECT event_id, event_key, key_seq, event_type FROM ${schema}.outbox ORDER BY id`)).rows;
      const inTopic = await readTopic(kafka, physical('orders'));
      const firstOffsetOf = new Map<string, { partition: number; offset: bigint }>();
      for (const r of inTopic) if (!firstOffsetOf.has(r.id)) firstOffsetOf.set(r.id, r);
      const missing = committed.filter((c) => !firstOffsetOf.has(c.event_id));
      let orderViolations = 0;
      const byKey = new Map<string, typeof committed>();
      for (const c of committed) byKey.set(c.event_key, [...(byKey.get(c.event_key) ?? []), c]);
      for (const events of byKey.values()) {
        const positions = events.sort((x, y) => x.key_seq - y.key_seq).map((e) => firstOffsetOf.get(e.event_id)?.offset);
        for (let i = 1; i < positions.length; i++) if (positions[i] !== undefined && positions[i - 1] !== undefined && positions[i]! < positions[i - 1]!) orderViolations++;
      }
      const topicCopies = inTopic.length - firstOffsetOf.size;

      // Effects: one shipment per paid order, one email per causing event.
      const paidOrders = new Set(committed.filter((c) => c.event_type.endsWith('OrderPaid')).map((c) => c.event_key));
      const placedEvents = committed.filter((c) => c.event_type.endsWith('OrderPlaced')).length;
      const shipments = await workers[0].get<string, Database>(DATABASE).query<{ order_id: string }>('SELECT order_id FROM shipments');
      const emails = await workers[1].get(EmailSink).sent();
      const emailIds = new Set(emails.map((e) => e.event_id));
      const shipmentsPerOrder = new Map<string, number>();
      for (const s of shipments) shipmentsPerOrder.set(s.order_id, (shipmentsPerOrder.get(s.order_id) ?? 0) + 1);

      const checks = [
        check('the kill left committed events unpublished', pendingAtKill > 0),
        check('orders were accepted while Kafka was down', acceptedDuringOutage > 0 && pendingInOutage >= pendingAtKill + acceptedDuringOutage),
        check('the outbox drained after Kafka returned', drained),
        check('every committed event is in the topic', missing.length === 0),
        check('each order’s events in order', orderViolations === 0),
        check('the workers caught up', settled),
        check('one shipment per paid order', shipments.length === paidOrders.size && [...shipmentsPerOrder.values()].every((n) => n === 1)),
        check('one email per causing event (confirmations + shipment emails)', emails.length === emailIds.size && emails.length === placedEvents + paidOrders.size),
      ];
      await publishResult({
        id: 'S7',
        profile: figures.profile,
        passed: checks.every((c) => c.ok),
        ranAt: new Date(started).toISOString(),
        durationMs: Date.now() - started,
        figures: {
          events: committed.length,
          acked: committed.length,
          lost: missing.length,
          duplicates: emails.length - emailIds.size + [...shipmentsPerOrder.values()].reduce((n, c) => n + c - 1, 0),
          orderViolations,
          recoveryMs,
          extra: {
            changesAcceptedBeforeKill: accepted,
            pendingAtKill,
            changesAcceptedDuringOutage: acceptedDuringOutage,
            outageMs: restored - outageStarted,
            topicCopiesBeyondFirst: topicCopies,
            shipments: shipments.length,
            emails: emails.length,
          },
        },
        checks,
        notes: [
          'events/acked = committed outbox rows; lost = committed but not in the topic; duplicates = effects beyond one per ce_id (copies in the topic are allowed: at-least-once)',
          'recovery = Kafka restarted to outbox drained and the workers caught up',
        ],
      });
      expect(checks.filter((c) => !c.ok)).toEqual([]);
    },
    420_000 * figures.timeoutScale,
  );
});

/** Every record of `topic` now, with its ce_id, partition and offset. */
async function readTopic(kafka: Kafka, topic: string): Promise<Array<{ id: string; partition: number; offset: bigint }>> {
  const admin = kafka.admin();
  await admin.connect();
  const ends = await admin.fetchTopicOffsets(topic);
  await admin.disconnect();
  const total = ends.reduce((n, p) => n + Number(BigInt(p.high) - BigInt(p.low)), 0);
  const seen: Array<{ id: string; partition: number; offset: bigint }> = [];
  if (total === 0) return seen;
  const reader = kafka.consumer({ groupId: uniqueName('s7-reader') });
  await reader.connect();
  await reader.subscribe({ topic, fromBeginning: true });
  await reader.run({
    eachMessage: async ({ partition, message }) => {
      seen.push({ id: String(message.headers?.ce_id ?? ''), partition, offset: BigInt(message.offset) });
    },
  });
  await waitUntil(() => seen.length >= total, 60_000, 100);
  await reader.disconnect();
  return seen;
}
