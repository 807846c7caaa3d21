// Expected: through the real registry, the codec registers in development, reads v1 records
// as v2 in production, calls an unknown id poison after one lookup, and an unreachable
// registry transient.
import { deleteSchemaTopics, startSchemaRegistry, type SchemaRegistryProcess } from '@eventline/testing';
import { AvroCodec } from '../avro-codec';
import { CodecMode } from '../codec-mode';
import { CodecErrorCode } from '../errors/codec.error';
import { ConfluentSchemaRegistryClient } from './confluent-schema-registry.client';

const v1 = {
  type: 'record',
  name: 'Payment',
  namespace: 'test.int',
  fields: [
    { name: 'id', type: 'string' },
    { name: 'amountMinor', type: 'long' },
    { name: 'at', type: { type: 'long', logicalType: 'timestamp-millis' } },
  ],
};
const v2 = { ...v1, fields: [...v1.fields, { name: 'currency', type: 'string', default: 'EUR' }] };
const subject = 'payments-test.int.Payment';

describe('codec over the Confluent-compatible registry', () => {
  let registry: SchemaRegistryProcess;
  beforeAll(async () => {
    registry = await startSchemaRegistry();
  });
  afterAll(async () => {
    await registry?.stop();
    if (registry) await deleteSchemaTopics([registry.topic]);
  });

  it('round-trips across versions, classifies unknown ids as poison and an outage as transient', async () => {
    const client = new ConfluentSchemaRegistryClient({ host: registry.url });
    const producer = new AvroCodec({ registry: client, mode: CodecMode.Development });
    const bytes = (await producer.encoderFor({ subject, schema: v1 })).encode({ id: 'p1', amountMinor: 2n ** 60n, at: 1_735_787_045_678 });

    const consumerClient = new ConfluentSchemaRegistryClient({ host: registry.url });
    const lookups = jest.spyOn(consumerClient, 'getWriterType');
    const consumer = new AvroCodec({ registry: consumerClient, mode: CodecMode.Production });
    await expect(consumer.decoderFor(v2).decode(bytes)).resolves.toEqual({
      id: 'p1',
      amountMinor: 2n ** 60n,
      at: 1_735_787_045_678,
      currency: 'EUR',
    });
    await expect(consumer.assertRegistered([{ subject, schema: v1 }])).resolves.toBeUndefined();
    await expect(consumer.assertRegistered([{ subject, schema: v2 }])).rejects.toMatchObject({ code: CodecErrorCode.SchemaNotRegistered });

    const unknown = Buffer.from(bytes);
    unknown.writeInt32BE(987_654, 1);
    for (let i = 0; i < 3; i++) {
      await expect(consumer.decoderFor(v2).decode(unknown)).rejects.toMatchObject({ code: CodecErrorCode.UnknownSchemaId, poison: true });
    }
    expect(lookups.mock.calls.filter(([id]) => id === 987_654)).toHaveLength(1);

    await registry.stop();
    const orphan = Buffer.from(bytes);
    orphan.writeInt32BE(987_655, 1);
    await expect(consumer.decoderFor(v2).decode(orphan)).rejects.toMatchObject({
      code: CodecErrorCode.RegistryUnavailable,
      retriable: true,
      poison: false,
    });
  });
});
