/**
 * Expected: published events arrive keyed by order id, with CloudEvents headers and Avro
 * values the codec decodes; 2,000 concurrent publishes over 50 keys keep per-key order; an
 * invalid payload is refused with the field path and writes nothing. Real broker and
 * registry process.
 */
import { AvroCodec, CodecMode, ConfluentSchemaRegistryClient } from '@eventline/codec';
import { CloudEventHeader, type OrderPaid } from '@eventline/contracts';
import { startSchemaRegistry, type SchemaRegistryProcess } from '@eventline/testing';
import { EventPublisher, PublishErrorCode } from '../src';
import { RuntimeTestKit } from './runtime-test-kit';

describe('the event publisher', () => {
  const kit = new RuntimeTestKit();
  let registry: SchemaRegistryProcess;
  let codec: AvroCodec;
  let publisher: EventPublisher;
  let topic: string;

  beforeAll(async () => {
    registry = await startSchemaRegistry();
    codec = new AvroCodec({ registry: new ConfluentSchemaRegistryClient({ host: registry.url }), mode: CodecMode.Development });
    topic = await kit.topics.create('publisher-orders', 3);
    publisher = new EventPublisher({ kafka: kit.kafka, codec, source: '/test/publisher', topicOf: () => topic, lingerMs: 5 });
    await publisher.connect();
  }, 60_000);

  afterAll(async () => {
    await publisher?.disconnect();
    await kit.cleanup();
    await registry?.stop();
  });

  const paid = (orderId: string, n: number): OrderPaid => ({
    orderId,
    paymentId: `pay-${n}`,
    amountMinor: BigInt(n),
    currency: 'EUR',
    method: 'CARD',
    paidAt: 1_700_000_000_000 + n,
  });

  it('writes keyed Avro events with CloudEvents headers and keeps per-key order under concurrency', async () => {
    const receipts = await Promise.all(Array.from({ length: 2_000 }, (_, n) => publisher.publish('dev.eventline.orders.OrderPaid', paid(`order-${n % 50}`, n))));
    expect(new Set(receipts.map((r) => r.id)).size).toBe(2_000);

    const records = await kit.readAll(topic);
    expect(records).toHaveLength(2_000);
    const lastByKey = new Map<string, bigint>();
    let violations = 0;
    for (const record of records.sort((a, b) => a.partition - b.partition || Number(BigInt(a.offset) - BigInt(b.offset)))) {
      const event = (await codec.decode(record.value!)) as OrderPaid;
      expect(record.key!.toString()).toBe(event.orderId);
      const previous = lastByKey.get(event.orderId) ?? -1n;
      if (event.amountMinor <= previous) violations++;
      lastByKey.set(event.orderId, event.amountMinor);
    }
    expect(violations).toBe(0);

    const [one] = records;
    expect(one.headers![CloudEventHeader.Type]!.toString()).toBe('dev.eventline.orders.OrderPaid');
    expect(one.headers![CloudEventHeader.Source]!.toString()).toBe('/test/publisher');
    expect(one.headers![CloudEventHeader.ContentType]!.toString()).toBe('application/avro');
    const receipt = receipts.find((r) => r.id === one.headers![CloudEventHeader.Id]!.toString())!;
    expect({ partition: receipt.partition, offset: receipt.offset }).toEqual({ partition: one.partition, offset: one.offset });
  });

  it('refuses an invalid payload with the field path and writes nothing', async () => {
    const admin = await kit.admin();
    const before = await admin.fetchTopicOffsets(topic);
    const bad = { ...paid('order-x', 1), amountMinor: 'lots' } as unknown as OrderPaid;
    await expect(publisher.publish('dev.eventline.orders.OrderPaid', bad)).rejects.toMatchObject({
      code: PublishErrorCode.InvalidPayload,
      retriable: false,
      message: expect.stringContaining('amountMinor'),
    });
    await publisher.flush();
    expect(await admin.fetchTopicOffsets(topic)).toEqual(before);
  });
});
