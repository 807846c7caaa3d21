import { AvroCodec } from './avro-codec';
import { CodecMode } from './codec-mode';
import { CodecErrorCode } from './errors/codec.error';
import { FakeSchemaRegistryClient } from './testing/fake-schema-registry.client';

const schema = { type: 'record', name: 'Tick', namespace: 'test.sync', fields: [{ name: 'n', type: 'long' }] };

describe('AvroDecoder synchronous path', () => {
  async function setup() {
    const registry = new FakeSchemaRegistryClient();
    registry.add('ticks-test.sync.Tick', schema);
    const codec = new AvroCodec({ registry, mode: CodecMode.Production });
    const encoder = await codec.encoderFor({ subject: 'ticks-test.sync.Tick', schema });
    return { decoder: codec.decoderFor<{ n: bigint }>(schema), framed: encoder.encode({ n: 7n }) };
  }

  it('is not available before the first decode of a schema id, and is after', async () => {
    const { decoder, framed } = await setup();
    expect(decoder.canDecodeSync(framed)).toBe(false);
    expect(() => decoder.decodeSync(framed)).toThrow(/not known yet/);
    await decoder.decode(framed);
    expect(decoder.canDecodeSync(framed)).toBe(true);
    expect(decoder.decodeSync(framed)).toEqual({ n: 7n });
  });

  it('still classifies a corrupt body as poison', async () => {
    const { decoder, framed } = await setup();
    await decoder.decode(framed);
    const truncated = framed.subarray(0, framed.length - 1);
    expect(decoder.canDecodeSync(truncated)).toBe(true);
    expect(() => decoder.decodeSync(truncated)).toThrow(expect.objectContaining({ code: CodecErrorCode.CorruptBody, poison: true }));
  });

  it.each([Buffer.alloc(0), Buffer.from([1, 0, 0, 0, 1, 2]), Buffer.from([0, 0])])('says no for a value without a known header: %p', async (value) => {
    const { decoder, framed } = await setup();
    await decoder.decode(framed);
    expect(decoder.canDecodeSync(value)).toBe(false);
  });
});
