/**
 * Expected: events published through the registry-backed codec arrive keyed by the catalog
 * key field, with every CloudEvents header, at the partition and offset their receipts name,
 * and their values decode back to the payloads. Real broker, real registry process.
 */
import { AvroCodec, CodecMode, ConfluentSchemaRegistryClient } from '@eventline/codec';
import { EventCatalog, type OrderCancelled, type OrderPaid } from '@eventline/contracts';
import { deleteSchemaTopics, startSchemaRegistry, testKafka, TestTopics, type SchemaRegistryProcess } from '@eventline/testing';
import { kafkaJsClient } from '../kafka/kafkajs';
import { EventPublisher } from './event-publisher';
import { partitionForKey } from './murmur2.partitioner';
import { readTopic } from '../kafka/kafkajs/testing/read-topic';

const TRACEPARENT = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';

describe('publishing then consuming with kafkajs', () => {
  const kafka = testKafka();
  const topics = new TestTopics(kafka);
  let registry: SchemaRegistryProcess;
  let codec: AvroCodec;
  let publisher: EventPublisher;
  let topic: string;

  beforeAll(async () => {
    registry = await startSchemaRegistry();
    codec = new AvroCodec({ registry: new ConfluentSchemaRegistryClient({ host: registry.url }), mode: CodecMode.Development });
    topic = await topics.create('publisher-roundtrip', 4);
    publisher = new EventPublisher({ client: kafkaJsClient(kafka), codec, source: '/eventline/publisher-spec', topicOf: () => topic });
    await publisher.connect();
  }, 60_000);

  afterAll(async () => {
    await publisher?.disconnect();
    await topics.cleanup();
    await registry?.stop();
    if (registry) await deleteSchemaTopics([registry.topic]);
  });

  it('writes key, CloudEvents headers and a value the codec decodes, where the receipt says', async () => {
    const paid: OrderPaid = { orderId: 'order-17', paymentId: 'pay-1', amountMinor: 2n ** 60n, currency: 'EUR', method: 'WALLET', paidAt: 1_735_787_045_678 };
    const cancelled: OrderCancelled = { orderId: 'order-17', reason: 'FRAUD_SUSPECTED', note: null, refundMinor: 0n, currency: 'EUR', cancelledAt: 1_735_787_046_000 };
    const time = new Date('2025-01-02T03:04:05.678Z');
    const receipts = await Promise.all([
      publisher.publish('dev.eventline.orders.OrderPaid', paid, { id: 'evt-paid', time, traceparent: TRACEPARENT }),
      publisher.publish('dev.eventline.orders.OrderCancelled', cancelled, { id: 'evt-cancelled' }),
    ]);

    const partition = partitionForKey('order-17', 4);
    expect(receipts).toEqual([
      { id: 'evt-paid', type: 'dev.eventline.orders.OrderPaid', topic, partition, offset: '0' },
      { id: 'evt-cancelled', type: 'dev.eventline.orders.OrderCancelled', topic, partition, offset: '1' },
    ]);

    const records = await readTopic(kafka, topic, topics.group('publisher-roundtrip-reader'));
    expect(records.map((r) => [r.partition, r.offset, r.key?.toString()])).toEqual([
      [partition, '0', 'order-17'],
      [partition, '1', 'order-17'],
    ]);
    const headers = Object.fromEntries(Object.entries(records[0].headers ?? {}).map(([name, value]) => [name, String(value)]));
    expect(headers).toEqual({
      ce_specversion: '1.0',
      ce_id: 'evt-paid',
      ce_type: 'dev.eventline.orders.OrderPaid',
      ce_source: '/eventline/publisher-spec',
      ce_time: '2025-01-02T03:04:05.678Z',
      'content-type': 'application/avro',
      traceparent: TRACEPARENT,
    });
    expect(records[1].headers).not.toHaveProperty('traceparent');

    // A reader with its own codec and registry client: nothing shared with the publisher's caches.
    const reader = new AvroCodec({ registry: new ConfluentSchemaRegistryClient({ host: registry.url }), mode: CodecMode.Production });
    await expect(reader.decoderFor(EventCatalog['dev.eventline.orders.OrderPaid'].schema).decode(records[0].value!)).resolves.toEqual(paid);
    await expect(reader.decoderFor(EventCatalog['dev.eventline.orders.OrderCancelled'].schema).decode(records[1].value!)).resolves.toEqual(cancelled);
  });
});
