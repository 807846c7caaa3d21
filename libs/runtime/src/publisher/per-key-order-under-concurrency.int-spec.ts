/**
 * Expected: 2,000 publishes started at once over 50 keys are coalesced into few sends, every
 * one is acknowledged, and each key's events are read back in the order they were published.
 * Real broker, real registry process.
 */
import { AvroCodec, CodecMode, ConfluentSchemaRegistryClient } from '@eventline/codec';
import type { OrderPaid } from '@eventline/contracts';
import { deleteSchemaTopics, startSchemaRegistry, testKafka, TestTopics, type SchemaRegistryProcess } from '@eventline/testing';
import { RuntimeEvent, RuntimeInstrumentation } from '../instrumentation/runtime-events';
import { kafkaJsClient } from '../kafka/kafkajs';
import { EventPublisher } from './event-publisher';
import { readTopic } from '../kafka/kafkajs/testing/read-topic';

const EVENTS = 2_000;
const KEYS = 50;

describe('per-key order under concurrency', () => {
  const kafka = testKafka();
  const topics = new TestTopics(kafka);
  const instrumentation = new RuntimeInstrumentation();
  let registry: SchemaRegistryProcess;
  let codec: AvroCodec;
  let publisher: EventPublisher;
  let topic: string;

  beforeAll(async () => {
    registry = await startSchemaRegistry();
    codec = new AvroCodec({ registry: new ConfluentSchemaRegistryClient({ host: registry.url }), mode: CodecMode.Development });
    topic = await topics.create('publisher-order', 6);
    publisher = new EventPublisher({ client: kafkaJsClient(kafka), codec, source: '/eventline/publisher-spec', topicOf: () => topic, instrumentation, maxBatchCount: 250 });
    await publisher.connect();
  }, 60_000);

  afterAll(async () => {
    await publisher?.disconnect();
    await topics.cleanup();
    await registry?.stop();
    if (registry) await deleteSchemaTopics([registry.topic]);
  });

  it(`keeps each key's order across ${EVENTS} concurrent publishes over ${KEYS} keys`, async () => {
    const sends: number[] = [];
    instrumentation.on(RuntimeEvent.Published, ({ count }) => sends.push(count));
    const payment = (n: number): OrderPaid => ({ orderId: `order-${n % KEYS}`, paymentId: `pay-${n}`, amountMinor: BigInt(n), currency: 'EUR', method: 'CARD', paidAt: 1_700_000_000_000 + n });

    const receipts = await Promise.all(Array.from({ length: EVENTS }, (_, n) => publisher.publish('dev.eventline.orders.OrderPaid', payment(n))));
    expect(new Set(receipts.map((r) => `${r.partition}/${r.offset}`)).size).toBe(EVENTS);
    // Coalesced: far fewer sends than publishes, none above the batch limit.
    expect(sends.reduce((a, b) => a + b, 0)).toBe(EVENTS);
    expect(sends.length).toBeLessThanOrEqual(EVENTS / 100);

    const records = await readTopic(kafka, topic, topics.group('publisher-order-reader'));
    expect(records).toHaveLength(EVENTS);
    const sequenceByKey = new Map<string, bigint[]>();
    for (const record of records) {
      const event = (await codec.decode(record.value!)) as OrderPaid;
      expect(record.key?.toString()).toBe(event.orderId);
      sequenceByKey.set(event.orderId, [...(sequenceByKey.get(event.orderId) ?? []), event.amountMinor]);
    }
    expect(sequenceByKey.size).toBe(KEYS);
    const outOfOrder = [...sequenceByKey].filter(([, seq]) => seq.some((value, i) => i > 0 && value <= seq[i - 1]));
    expect(outOfOrder).toEqual([]);
  });
});
