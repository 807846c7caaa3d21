/**
 * Both workers against the real broker, registry and embedded database. Expected: a paid
 * order gets exactly one shipment even when OrderPaid is delivered twice, the shipment is
 * announced, the customer gets a confirmation and a shipment email; an order with an
 * address under `.invalid` puts one record in orders.dlq with the runtime's headers, and the
 * notifications group ends with no lag.
 */
import { plainConnectionSettings } from '@eventline/connection';
import type { INestApplication } from '@nestjs/common';
import { Kafka, logLevel } from 'kafkajs';
import { AvroCodec, CodecMode, ConfluentSchemaRegistryClient } from '@eventline/codec';
import type { OrderPaid, OrderPlaced, Topic } from '@eventline/contracts';
import { EventPublisher, kafkaJsAdmin, kafkaJsClient, parseDeadLetterHeaders, provisionTopics } from '@eventline/runtime';
import { startSchemaRegistry, testBrokers, TestTopics, uniqueName, type SchemaRegistryProcess } from '@eventline/testing';
import { ShipmentsRepository, startFulfillmentWorker } from '@eventline/fulfillment';

import { EmailSink, startNotificationsWorker } from '@eventline/notifications';


const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function eventually<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe().catch(() => undefined);
    if (v !== undefined) return v;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

describe('the two workers end to end', () => {
  const prefix = `${uniqueName('e2e')}.`;
  const physical = (t: Topic) => `${prefix}${t}`;
  const kafka = new Kafka({ clientId: 'e2e', brokers: testBrokers(), logLevel: logLevel.NOTHING });
  const topics = new TestTopics(kafka);
  let registry: SchemaRegistryProcess;
  let publisher: EventPublisher;
  const apps: INestApplication[] = [];

  beforeAll(async () => {
    registry = await startSchemaRegistry();
    await provisionTopics(kafkaJsAdmin(await topics.admin()), { physical });
    const common = { connection: plainConnectionSettings(testBrokers(), registry.url), codecMode: CodecMode.Development, topicPrefix: prefix, port: 0 };
    apps.push(await startFulfillmentWorker({ ...common, groupId: `${prefix}fulfillment` }));
    apps.push(await startNotificationsWorker({ ...common, groupId: `${prefix}notifications` }));
    const codec = new AvroCodec({ registry: new ConfluentSchemaRegistryClient({ host: registry.url }), mode: CodecMode.Development });
    publisher = new EventPublisher({ client: kafkaJsClient(kafka), codec, source: '/test/e2e', topicOf: (type) => physical(type.includes('.orders.') ? 'orders' : 'shipments') });
    await publisher.connect();
  }, 90_000);

  afterAll(async () => {
    await publisher?.disconnect();
    for (const app of apps) await app.close();
    const admin = await topics.admin();
    const all = (await admin.listTopics()).filter((t) => t.startsWith(prefix));
    await admin.deleteTopics({ topics: all }).catch(() => undefined);
    await topics.cleanup();
    await registry?.stop();
  }, 60_000);

  const placed = (orderId: string, email: string): OrderPlaced => ({
    orderId,
    customerId: `c-${orderId}`,
    customerEmail: email,
    lineItems: [{ sku: 'SKU-1', quantity: 1, unitPriceMinor: 1999n }],
    totalMinor: 1999n,
    currency: 'EUR',
    placedAt: Date.now(),
  });
  const paid = (orderId: string): OrderPaid => ({ orderId, paymentId: `p-${orderId}`, amountMinor: 1999n, currency: 'EUR', method: 'CARD', paidAt: Date.now() });

  it('ships once per order, emails the customer, and dead-letters the invalid address', async () => {
    await publisher.publish('dev.eventline.orders.OrderPlaced', placed('o-1', 'ada@example.com'));
    await publisher.publish('dev.eventline.orders.OrderPlaced', placed('o-2', 'nobody@mail.invalid'));
    await publisher.publish('dev.eventline.orders.OrderPaid', paid('o-1'), { id: 'pay-event-1' });
    // The same payment event delivered again (same ce_id): no second shipment.
    await publisher.publish('dev.eventline.orders.OrderPaid', paid('o-1'), { id: 'pay-event-1' });

    const sink = apps[1].get(EmailSink);
    const emails = await eventually('confirmation and shipment emails', async () => {
      const sent = await sink.sent();
      return sent.length >= 2 ? sent : undefined;
    });
    expect(emails.map((e) => [e.recipient, e.template]).sort()).toEqual([
      ['ada@example.com', 'order-confirmation'],
      ['ada@example.com', 'shipment-scheduled'],
    ]);
    expect(await apps[0].get(ShipmentsRepository).count()).toBe(1);

    const admin = await topics.admin();
    const dlq = `${prefix}orders.dlq`;
    const dead = await eventually('one dead letter', async () => {
      const offsets = await admin.fetchTopicOffsets(dlq);
      return offsets.reduce((n, p) => n + Number(p.high), 0) === 1 ? offsets : undefined;
    });
    expect(dead).toBeDefined();
    const reader = kafka.consumer({ groupId: uniqueName('dlq-reader') });
    await reader.connect();
    await reader.subscribe({ topic: dlq, fromBeginning: true });
    const info = await new Promise<ReturnType<typeof parseDeadLetterHeaders>>((resolve) => {
      void reader.run({ eachMessage: async ({ message }) => resolve(parseDeadLetterHeaders(message.headers)) });
    });
    await reader.disconnect();
    expect(info).toMatchObject({ sourceTopic: `${prefix}orders`, consumerGroup: `${prefix}notifications`, errorCode: 'NOTIFY_INVALID_ADDRESS', attempts: 1 });

    // The shipment announcement was published for both deliveries with one event id.
    const shipmentsEnd = await admin.fetchTopicOffsets(`${prefix}shipments`);
    expect(shipmentsEnd.reduce((n, p) => n + Number(p.high), 0)).toBeGreaterThanOrEqual(1);

    await eventually('notifications lag 0', async () => {
      const [committed] = await admin.fetchOffsets({ groupId: `${prefix}notifications`, topics: [`${prefix}orders`] });
      const ends = await admin.fetchTopicOffsets(`${prefix}orders`);
      const lag = ends.reduce((n, e) => {
        const c = committed.partitions.find((p) => p.partition === e.partition)!.offset;
        return n + Number(BigInt(e.high) - (c === '-1' ? 0n : BigInt(c)));
      }, 0);
      return lag === 0 ? true : undefined;
    });
  });
});
