/**
 * Expected: a payload that does not fit its schema is refused with a non-retriable
 * PUBLISH_INVALID_PAYLOAD naming the field, alone or inside publishMany, and the topic's end
 * offsets do not move. Real broker, real registry process.
 */
import { AvroCodec, CodecMode, ConfluentSchemaRegistryClient } from '@eventline/codec';
import type { OrderPaid } from '@eventline/contracts';
import { deleteSchemaTopics, startSchemaRegistry, testKafka, TestTopics, type SchemaRegistryProcess } from '@eventline/testing';
import { kafkaJsClient } from '../kafka/kafkajs';
import { EventPublisher } from './event-publisher';
import { PublishErrorCode } from './publish.error';
import { endOffsets } from '../kafka/kafkajs/testing/read-topic';

describe('an invalid payload', () => {
  const kafka = testKafka();
  const topics = new TestTopics(kafka);
  let registry: SchemaRegistryProcess;
  let publisher: EventPublisher;
  let topic: string;
  const good: OrderPaid = { orderId: 'order-1', paymentId: 'pay-1', amountMinor: 100n, currency: 'EUR', method: 'CARD', paidAt: 1_700_000_000_000 };

  beforeAll(async () => {
    registry = await startSchemaRegistry();
    const codec = new AvroCodec({ registry: new ConfluentSchemaRegistryClient({ host: registry.url }), mode: CodecMode.Development });
    topic = await topics.create('publisher-invalid', 3);
    publisher = new EventPublisher({ client: kafkaJsClient(kafka), codec, source: '/eventline/publisher-spec', topicOf: () => topic });
    await publisher.connect();
    // One good event first, so the schema is registered and the end offsets are not all zero.
    await publisher.publish('dev.eventline.orders.OrderPaid', good);
  }, 60_000);

  afterAll(async () => {
    await publisher?.disconnect();
    await topics.cleanup();
    await registry?.stop();
    if (registry) await deleteSchemaTopics([registry.topic]);
  });

  it.each([
    ['a number where a bigint long belongs', { ...good, amountMinor: 100 }, 'amountMinor'],
    ['an unknown enum symbol', { ...good, method: 'CASH' }, 'method'],
    ['a missing key field', { ...good, orderId: undefined }, 'orderId'],
  ])('is refused when it has %s, and nothing is written', async (_name, payload, field) => {
    const before = await endOffsets(kafka, topic);
    await expect(publisher.publish('dev.eventline.orders.OrderPaid', payload as unknown as OrderPaid)).rejects.toMatchObject({
      code: PublishErrorCode.InvalidPayload,
      retriable: false,
      paths: [expect.stringContaining(field)],
    });
    await publisher.flush();
    expect(await endOffsets(kafka, topic)).toEqual(before);
  });

  it('inside publishMany keeps the valid events of the same call from being written', async () => {
    const before = await endOffsets(kafka, topic);
    await expect(
      publisher.publishMany([
        { type: 'dev.eventline.orders.OrderPaid', payload: { ...good, paymentId: 'pay-2' } },
        { type: 'dev.eventline.orders.OrderPaid', payload: { ...good, currency: null } as unknown as OrderPaid },
      ]),
    ).rejects.toMatchObject({ code: PublishErrorCode.InvalidPayload, paths: [expect.stringContaining('currency')] });
    await publisher.flush();
    expect(await endOffsets(kafka, topic)).toEqual(before);
  });
});
