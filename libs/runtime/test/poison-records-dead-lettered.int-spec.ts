/**
 * Expected: on one partition, among good Avro events, three poison records — random bytes
 * under valid headers, an unknown schema id, a valid body without CloudEvents headers — go
 * to the dead-letter topic at once (attempt 1), byte for byte, with their error codes; the
 * good events are handled in order and the partition's offset is committed past all five.
 * Real broker, real schema registry process.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { AvroCodec, CodecMode, ConfluentSchemaRegistryClient } from '@eventline/codec';
import { buildCloudEventHeaders, EventCatalog, type OrderPaid } from '@eventline/contracts';
import { startSchemaRegistry, type SchemaRegistryProcess } from '@eventline/testing';
import { CloudEventAvroDecoder, parseDeadLetterHeaders } from '../src';
import { RuntimeTestKit, eventually } from './runtime-test-kit';

const ORDER_PAID = 'dev.eventline.orders.OrderPaid';

describe('poison records', () => {
  const kit = new RuntimeTestKit();
  let registry: SchemaRegistryProcess;

  beforeAll(async () => {
    registry = await startSchemaRegistry();
  }, 60_000);

  afterAll(async () => {
    await kit.cleanup();
    await registry?.stop();
  });

  it('dead-letters undecodable records at once and lets the good ones through', async () => {
    const { topic, dlq } = await kit.topicWithDlq('poison', 1);
    const codec = new AvroCodec({ registry: new ConfluentSchemaRegistryClient({ host: registry.url }), mode: CodecMode.Development });
    const encoder = await codec.encoderFor<OrderPaid>({ subject: `${topic}-${ORDER_PAID}`, schema: EventCatalog[ORDER_PAID].schema });
    const paid = (orderId: string): OrderPaid => ({ orderId, paymentId: 'p', amountMinor: 1234n, currency: 'EUR', method: 'CARD', paidAt: Date.now() });
    const headers = () => buildCloudEventHeaders({ id: randomUUID(), type: ORDER_PAID, source: '/test' });

    const garbage = randomBytes(40);
    const unknownId = Buffer.concat([Buffer.from([0, 0x7f, 0xff, 0xff, 0xf0]), encoder.encode(paid('x')).subarray(5)]);
    await kit.produce(topic, [
      { key: 'o1', value: encoder.encode(paid('o1')), headers: headers() },
      { key: 'o2', value: garbage, headers: headers() },
      { key: 'o3', value: unknownId, headers: headers() },
      { key: 'o4', value: encoder.encode(paid('o4')) },
      { key: 'o5', value: encoder.encode(paid('o5')), headers: headers() },
    ]);

    const handled: string[] = [];
    const consumer = kit.consumer(
      'poison',
      [{ topic, eventType: ORDER_PAID, retry: { maxAttempts: 3, initialDelayMs: 50 }, handler: async (e: OrderPaid) => void handled.push(e.orderId) }],
      { decoder: new CloudEventAvroDecoder(codec, EventCatalog) },
    );
    await consumer.start();
    await eventually('o5 handled', () => handled.includes('o5'));
    expect(handled).toEqual(['o1', 'o5']);

    const dead = await kit.readAll(dlq);
    expect(dead.map((d) => d.key?.toString())).toEqual(['o2', 'o3', 'o4']);
    expect(dead[0].value).toEqual(garbage);
    expect(dead[1].value).toEqual(unknownId);
    const infos = dead.map((d) => parseDeadLetterHeaders(d.headers));
    expect(infos.map((i) => i.attempts)).toEqual([1, 1, 1]);
    expect(infos.map((i) => i.sourceOffset)).toEqual(['1', '2', '3']);
    expect(infos[0].errorCode).toMatch(/^CODEC_/);
    expect(infos[1].errorCode).toBe('CODEC_UNKNOWN_SCHEMA_ID');
    expect(infos[2].errorCode).toBe('CONTRACT_HEADER_MISSING');

    await eventually('offset 5 committed', async () => ((await kit.committed(consumer.groupId, topic)).get(0) === '5' ? true : undefined));
  });
});
