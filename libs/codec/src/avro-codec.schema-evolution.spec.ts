import avro from 'avsc';
import { AvroCodec } from './avro-codec';
import { CodecMode } from './codec-mode';
import { CodecErrorCode } from './errors/codec.error';
import { FakeSchemaRegistryClient } from './testing/fake-schema-registry.client';

const record = (fields: object[]) => ({ type: 'record', name: 'Payment', namespace: 'test.evolution', fields });
const id = { name: 'id', type: 'string' };
const amount = { name: 'amountMinor', type: 'long' };

// writer schema, value written, reader schema, value expected when read.
const cases: Array<[string, object, object, object, unknown]> = [
  ['same schema', record([id, amount]), { id: 'p1', amountMinor: 5n }, record([id, amount]), { id: 'p1', amountMinor: 5n }],
  [
    'reader adds a defaulted field',
    record([id, amount]),
    { id: 'p1', amountMinor: 5n },
    record([id, amount, { name: 'currency', type: 'string', default: 'EUR' }]),
    { id: 'p1', amountMinor: 5n, currency: 'EUR' },
  ],
  [
    'reader adds an optional field',
    record([id]),
    { id: 'p1' },
    record([id, { name: 'note', type: ['null', 'string'], default: null }]),
    { id: 'p1', note: null },
  ],
  ['reader drops a field', record([id, amount]), { id: 'p1', amountMinor: 5n }, record([id]), { id: 'p1' }],
  [
    'int widened to long becomes bigint',
    record([id, { name: 'amountMinor', type: 'int' }]),
    { id: 'p1', amountMinor: 7 },
    record([id, amount]),
    { id: 'p1', amountMinor: 7n },
  ],
  [
    'long beyond 2^53 keeps every digit',
    record([id, amount]),
    { id: 'p1', amountMinor: 2n ** 62n + 1n },
    record([id, amount]),
    { id: 'p1', amountMinor: 2n ** 62n + 1n },
  ],
  [
    'timestamp-millis stays a number',
    record([{ name: 'at', type: { type: 'long', logicalType: 'timestamp-millis' } }]),
    { at: 1_735_787_045_678 },
    record([{ name: 'at', type: { type: 'long', logicalType: 'timestamp-millis' } }]),
    { at: 1_735_787_045_678 },
  ],
  [
    'enum gains a symbol',
    record([{ name: 'm', type: { type: 'enum', name: 'M', symbols: ['CARD'] } }]),
    { m: 'CARD' },
    record([{ name: 'm', type: { type: 'enum', name: 'M', symbols: ['CARD', 'WALLET'] } }]),
    { m: 'CARD' },
  ],
];

describe('AvroCodec schema evolution', () => {
  it.each(cases)('%s: reads the older writer into the current reader', async (_case, writer, written, reader, expected) => {
    const registry = new FakeSchemaRegistryClient();
    registry.add('payments-test.evolution.Payment', writer);
    const producer = new AvroCodec({ registry, mode: CodecMode.Production });
    const bytes = (await producer.encoderFor({ subject: 'payments-test.evolution.Payment', schema: writer })).encode(written);

    // A fresh codec, as in a consumer process: it knows only the reader schema.
    const consumer = new AvroCodec({ registry, mode: CodecMode.Production });
    await expect(consumer.decoderFor(reader).decode(bytes)).resolves.toEqual(expected);
  });

  it('fetches a writer schema once and builds its resolver once, however many records', async () => {
    const registry = new FakeSchemaRegistryClient();
    const [writer, reader] = [cases[1][1], cases[1][3]];
    registry.add('s', writer);
    const encoder = await new AvroCodec({ registry, mode: CodecMode.Production }).encoderFor({ subject: 's', schema: writer });
    const consumer = new AvroCodec({ registry, mode: CodecMode.Production });
    const decoder = consumer.decoderFor<{ currency: string }>(reader);
    // Types are frozen; the method lives on avsc's Type prototype.
    const spy = jest.spyOn(avro.Type.prototype, 'createResolver');
    for (let i = 0; i < 20; i++) await decoder.decode(encoder.encode({ id: `p${i}`, amountMinor: BigInt(i) }));
    expect(registry.calls.getWriterType).toBe(1);
    // avsc recurses into field types; count only resolutions of the record itself.
    expect(spy.mock.contexts.filter((self) => self === decoder.readerType)).toHaveLength(1);
    expect(consumer.decoderFor(reader)).toBe(decoder);
    spy.mockRestore();
  });

  it('reports a writer the reader cannot read as poison, every time, without retrying the resolution', async () => {
    const registry = new FakeSchemaRegistryClient();
    const writer = record([id]);
    const reader = record([id, { name: 'required', type: 'string' }]); // new field without default
    registry.add('s', writer);
    const bytes = (await new AvroCodec({ registry, mode: CodecMode.Production }).encoderFor({ subject: 's', schema: writer })).encode({
      id: 'x',
    });
    const decoder = new AvroCodec({ registry, mode: CodecMode.Production }).decoderFor(reader);
    for (let i = 0; i < 2; i++) {
      await expect(decoder.decode(bytes)).rejects.toMatchObject({
        code: CodecErrorCode.IncompatibleSchema,
        poison: true,
        retriable: false,
      });
    }
  });
});
