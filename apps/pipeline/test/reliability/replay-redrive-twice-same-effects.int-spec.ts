/**
 * S8 (issue 8). Expected: replaying the same range twice and redriving the dead letters
 * twice leaves the downstream effects as one pass left them.
 *
 * - Replay: the orders topic is processed by the two workers (set A). `eventline replay`
 *   then copies the whole range, twice under two replay ids (both really copy), into the
 *   orders topic of a second pair of workers (set B, its own topic prefix and databases).
 *   Set B sees every event twice; its shipments and emails must equal set A's, id for id.
 * - Redrive: a ShipmentScheduled whose order is not known yet fails until the notifications
 *   route gives up and dead-letters it; the order then arrives. `eventline dlq redrive`
 *   sends it back: one shipment email. A second redrive skips it (ledger), a forced third
 *   sends it again: still one email (the same ce_id).
 *
 * Real broker, registry and CLI process; the workers in this process on embedded PGlite.
 */
import { plainConnectionSettings } from '@eventline/connection';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { AvroCodec, CodecMode, ConfluentSchemaRegistryClient } from '@eventline/codec';
import type { OrderPaid, OrderPlaced, ShipmentScheduled, Topic } from '@eventline/contracts';
import { ShipmentsRepository, startFulfillmentWorker } from '@eventline/fulfillment';
import { workspaceRoot } from '@eventline/local-kafka';
import { EmailSink, startNotificationsWorker } from '@eventline/notifications';
import { check, groupLag, publishResult, reliabilityProfile, waitUntil } from '@eventline/reliability';
import { EventPublisher, kafkaJsAdmin, kafkaJsClient, provisionTopics } from '@eventline/runtime';
import { DATABASE } from '@eventline/service-kit';
import type { Database } from '@eventline/persistence';
import { startSchemaRegistry, testBrokers, testKafka, TestTopics, uniqueName, type SchemaRegistryProcess } from '@eventline/testing';

const figures = reliabilityProfile();
const ORDERS = figures.profile === 'long' ? 200 : 30;
const CLI = join(workspaceRoot(), 'apps', 'cli', 'bin', 'eventline.cjs');

interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

function eventline(args: readonly string[], registryUrl: string): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [CLI, ...args],
      { cwd: workspaceRoot(), env: { ...process.env, KAFKA_BROKERS: testBrokers().join(','), SCHEMA_REGISTRY_URL: registryUrl }, timeout: 90_000 },
      (error, stdout, stderr) => resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr }),
    );
  });
}

/** One pipeline's two workers and what they did. */
class WorkerSet {
  readonly apps: INestApplication[] = [];

  constructor(readonly prefix: string) {}

  physical = (topic: Topic | string): string => `${this.prefix}${topic}`;

  async start(registryUrl: string): Promise<void> {
    const common = { connection: plainConnectionSettings(testBrokers(), registryUrl), codecMode: CodecMode.Development, topicPrefix: this.prefix, port: 0 };
    this.apps.push(await startFulfillmentWorker({ ...common, groupId: `${this.prefix}fulfillment` }));
    this.apps.push(await startNotificationsWorker({ ...common, groupId: `${this.prefix}notifications` }));
  }

  /** Shipments and emails, as sorted lines, so two sets compare with toEqual. */
  async effects(): Promise<{ shipments: string[]; emails: string[] }> {
    const db = this.apps[0].get<string, Database>(DATABASE);
    const shipments = await db.query<{ order_id: string; shipment_id: string; source_event_id: string }>('SELECT order_id, shipment_id, source_event_id FROM shipments');
    const emails = await this.apps[1].get(EmailSink).sent();
    return {
      shipments: shipments.map((s) => `${s.order_id} ${s.shipment_id} ${s.source_event_id}`).sort(),
      emails: emails.map((e) => `${e.event_id} ${e.recipient} ${e.template}`).sort(),
    };
  }

  async settled(topics: TestTopics, within = 60_000): Promise<boolean> {
    const admin = await topics.admin();
    const groups: Array<[string, string]> = [
      [`${this.prefix}fulfillment`, this.physical('orders')],
      [`${this.prefix}notifications`, this.physical('orders')],
      [`${this.prefix}notifications`, this.physical('shipments')],
    ];
    return waitUntil(async () => {
      for (const [group, topic] of groups) if ((await groupLag(admin, group, topic).catch(() => -1n)) !== 0n) return false;
      return true;
    }, within, 250);
  }

  async close(): Promise<void> {
    for (const app of this.apps) await app.close();
  }
}

describe('S8: replay and redrive, twice', () => {
  const kafka = testKafka();
  const topics = new TestTopics(kafka);
  const a = new WorkerSet(`${uniqueName('s8a')}.`);
  const b = new WorkerSet(`${uniqueName('s8b')}.`);
  let registry: SchemaRegistryProcess;
  let publisher: EventPublisher;

  beforeAll(async () => {
    registry = await startSchemaRegistry();
    const admin = await topics.admin();
    await provisionTopics(kafkaJsAdmin(admin), { physical: a.physical });
    await provisionTopics(kafkaJsAdmin(admin), { physical: b.physical });
    await a.start(registry.url);
    await b.start(registry.url);
    const codec = new AvroCodec({ registry: new ConfluentSchemaRegistryClient({ host: registry.url }), mode: CodecMode.Development });
    publisher = new EventPublisher({ client: kafkaJsClient(kafka), codec, source: '/test/s8', topicOf: (type) => a.physical(type.includes('.orders.') ? 'orders' : type.includes('.shipments.') ? 'shipments' : 'notifications') });
    await publisher.connect();
  }, 120_000);

  afterAll(async () => {
    await publisher?.disconnect();
    await a.close();
    await b.close();
    const admin = await topics.admin();
    const mine = (await admin.listTopics()).filter((t) => t.startsWith(a.prefix) || t.startsWith(b.prefix));
    await admin.deleteTopics({ topics: mine }).catch(() => undefined);
    await topics.cleanup();
    await registry?.stop();
  }, 60_000);

  const placed = (orderId: string): OrderPlaced => ({
    orderId,
    customerId: `c-${orderId}`,
    customerEmail: `${orderId}@example.com`,
    lineItems: [{ sku: 'SKU-1', quantity: 1, unitPriceMinor: 1999n }],
    totalMinor: 1999n,
    currency: 'EUR',
    placedAt: Date.now(),
  });
  const paid = (orderId: string): OrderPaid => ({ orderId, paymentId: `p-${orderId}`, amountMinor: 1999n, currency: 'EUR', method: 'CARD', paidAt: Date.now() });

  it(
    'leaves the effects of a single pass',
    async () => {
      const started = Date.now();
      for (let i = 0; i < ORDERS; i++) {
        await publisher.publish('dev.eventline.orders.OrderPlaced', placed(`o-${i}`));
        if (i % 3 !== 2) await publisher.publish('dev.eventline.orders.OrderPaid', paid(`o-${i}`));
      }
      const settledA = await a.settled(topics);
      const single = await a.effects();

      // Replay the whole orders range into set B, twice, under two replay ids.
      const copies: number[] = [];
      for (const replayId of ['s8-first', 's8-second']) {
        const replay = await eventline(['replay', a.physical('orders'), '--to-topic', b.physical('orders'), '--from-beginning', '--replay-id', `${replayId}-${b.prefix}`, '--json'], registry.url);
        if (replay.code !== 0) throw new Error(`replay exited ${replay.code}: ${replay.stderr}`);
        copies.push((JSON.parse(replay.stdout) as { copied: number }).copied);
      }
      const settledB = await b.settled(topics);
      const twice = await b.effects();

      // A shipment that outran its order: dead-lettered after the route's attempts.
      const late = 'o-late';
      const shipment: ShipmentScheduled = {
        shipmentId: 'shp-late',
        orderId: late,
        carrier: 'DemoPost',
        address: { recipient: 'Late Order', street: '1 Slow Lane', postalCode: '12345', city: 'Berlin', country: 'DE' },
        scheduledFor: Date.now(),
      };
      await publisher.publish('dev.eventline.shipments.ShipmentScheduled', shipment, { id: 'shipment-late-1' });
      const dlq = a.physical('shipments.dlq');
      const admin = await topics.admin();
      const deadLettered = await waitUntil(async () => (await admin.fetchTopicOffsets(dlq)).some((p) => p.high !== '0'), 60_000, 250);
      await publisher.publish('dev.eventline.orders.OrderPlaced', placed(late));
      const emailsOf = async () => (await a.effects()).emails.filter((e) => e.includes(`${late}@example.com`));
      await waitUntil(async () => (await emailsOf()).length === 1, 30_000, 200);

      const redrives: number[] = [];
      for (const flags of [[], [], ['--force']]) {
        const redrive = await eventline(['dlq', 'redrive', dlq, '--execute', '--json', ...flags], registry.url);
        if (redrive.code !== 0) throw new Error(`redrive exited ${redrive.code}: ${redrive.stderr}`);
        redrives.push((JSON.parse(redrive.stdout) as { sent: number }).sent);
        await a.settled(topics);
      }
      const lateEmails = await emailsOf();
      const lines = (e: { shipments: string[]; emails: string[] }) => [...e.shipments, ...e.emails];
      const missingInTwice = lines(single).filter((l) => !lines(twice).includes(l)).length;
      const extraInTwice = lines(twice).length - (lines(single).length - missingInTwice);
      const after = await a.effects();

      const checks = [
        check('set A settled', settledA),
        check(`both replays copied the whole range (${copies.join(', ')})`, copies.length === 2 && copies.every((c) => c === copies[0] && c > 0)),
        check('set B settled', settledB),
        check('effects after a double replay equal a single pass', JSON.stringify(twice) === JSON.stringify(single)),
        check('the orphan shipment was dead-lettered', deadLettered),
        check('redrives sent 1, then 0 (already redriven), then 1 (forced)', JSON.stringify(redrives) === '[1,0,1]'),
        check('one confirmation and one shipment email for the late order', lateEmails.length === 2),
        check('the redrives changed nothing else', after.shipments.length === single.shipments.length && after.emails.length === single.emails.length + 2),
      ];
      await publishResult({
        id: 'S8',
        profile: figures.profile,
        passed: checks.every((c) => c.ok),
        ranAt: new Date(started).toISOString(),
        durationMs: Date.now() - started,
        figures: {
          events: copies[0] ?? 0,
          acked: copies[0] ?? 0,
          lost: missingInTwice,
          duplicates: extraInTwice,
          extra: {
            replays: copies.length,
            copiedPerReplay: copies[0] ?? 0,
            shipments: single.shipments.length,
            emails: single.emails.length,
            redrivesSent: redrives.join('/'),
          },
        },
        checks,
        notes: ['events = records in the replayed range; lost = effects of the single pass missing after the double replay, duplicates = effects the double replay added (shipments and emails compared line by line)'],
      });
      expect({ single, twice }).toEqual({ single, twice: single });
      expect(checks.filter((c) => !c.ok)).toEqual([]);
      expect(await a.apps[0].get(ShipmentsRepository).count()).toBe(single.shipments.length);
    },
    240_000 * figures.timeoutScale,
  );
});
