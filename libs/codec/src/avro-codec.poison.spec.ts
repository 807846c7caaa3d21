import { isPoison, isRetriable } from '@eventline/errors';
import { AvroCodec } from './avro-codec';
import { CodecMode } from './codec-mode';
import { CodecError, CodecErrorCode } from './errors/codec.error';
import { RegistryOutcome } from './registry/registry-request.error';
import { FakeSchemaRegistryClient } from './testing/fake-schema-registry.client';

const schema = {
  type: 'record',
  name: 'Ping',
  namespace: 'test.poison',
  fields: [
    { name: 'id', type: 'string' },
    { name: 'n', type: 'long' },
  ],
};

async function setup() {
  const registry = new FakeSchemaRegistryClient();
  const schemaId = registry.add('pings-test.poison.Ping', schema);
  let now = 0;
  const codec = new AvroCodec({ registry, mode: CodecMode.Production, unknownSchemaIdTtlMs: 1_000, now: () => now });
  const encoder = await codec.encoderFor({ subject: 'pings-test.poison.Ping', schema });
  const good = encoder.encode({ id: 'abc', n: 42n });
  const decoder = codec.decoderFor(schema);
  return { registry, codec, decoder, good, schemaId, advance: (ms: number) => (now += ms) };
}

function withId(buf: Buffer, schemaId: number): Buffer {
  const copy = Buffer.from(buf);
  copy.writeInt32BE(schemaId, 1);
  return copy;
}

describe('AvroCodec poison records', () => {
  it.each<[string, (good: Buffer) => Buffer, CodecErrorCode]>([
    ['an empty value', () => Buffer.alloc(0), CodecErrorCode.TooShort],
    ['a 4-byte value', (g) => g.subarray(0, 4), CodecErrorCode.TooShort],
    ['a JSON value', () => Buffer.from('{"id":"abc"}'), CodecErrorCode.BadMagicByte],
    ['magic byte 1', (g) => Buffer.concat([Buffer.from([1]), g.subarray(1)]), CodecErrorCode.BadMagicByte],
    ['an unknown schema id', (g) => withId(g, 999), CodecErrorCode.UnknownSchemaId],
    ['a truncated body', (g) => g.subarray(0, g.length - 1), CodecErrorCode.CorruptBody],
    ['trailing bytes', (g) => Buffer.concat([g, Buffer.from([0])]), CodecErrorCode.CorruptBody],
    ['a header with no body', (g) => g.subarray(0, 5), CodecErrorCode.CorruptBody],
    // A string length of -1 (zig-zag 0x01) cannot be read.
    ['a negative string length', (g) => Buffer.concat([g.subarray(0, 5), Buffer.from([0x01, 0x00])]), CodecErrorCode.CorruptBody],
  ])('%s is poison (%s), not retriable', async (_case, corrupt, code) => {
    const { decoder, good } = await setup();
    const err = await decoder.decode(corrupt(good)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CodecError);
    expect(err).toMatchObject({ code, poison: true, retriable: false });
    expect([isPoison(err), isRetriable(err)]).toEqual([true, false]);
  });

  it('decodes the untouched record (the corruptions above are what fail)', async () => {
    const { decoder, good } = await setup();
    await expect(decoder.decode(good)).resolves.toEqual({ id: 'abc', n: 42n });
  });

  it('asks the registry about an unknown id once per TTL, however many records carry it', async () => {
    const { decoder, codec, good, registry, advance } = await setup();
    const poison = withId(good, 777);
    await Promise.all(Array.from({ length: 10 }, () => decoder.decode(poison).catch(() => undefined)));
    for (let i = 0; i < 50; i++) await codec.decode(poison).catch(() => undefined);
    expect(registry.calls.getWriterType).toBe(1);
    advance(1_001);
    await expect(decoder.decode(poison)).rejects.toMatchObject({ code: CodecErrorCode.UnknownSchemaId });
    expect(registry.calls.getWriterType).toBe(2);
  });

  it('finds a schema registered after the TTL expired', async () => {
    const { decoder, good, registry, advance } = await setup();
    // Same layout, different text: the registry gives it a new id.
    const later = { ...schema, doc: 'v2' };
    const poison = withId(good, 2);
    await expect(decoder.decode(poison)).rejects.toMatchObject({ code: CodecErrorCode.UnknownSchemaId });
    expect(registry.add('pings-test.poison.Ping', later)).toBe(2);
    advance(1_001);
    await expect(decoder.decode(poison)).resolves.toEqual({ id: 'abc', n: 42n });
  });

  it('treats an unreachable registry as transient and does not remember the id as unknown', async () => {
    const { decoder, good, registry } = await setup();
    const record = withId(good, 555);
    registry.failWith = RegistryOutcome.Unavailable;
    const err = await decoder.decode(record).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: CodecErrorCode.RegistryUnavailable, retriable: true, poison: false });
    expect([isPoison(err), isRetriable(err)]).toEqual([false, true]);
    registry.failWith = undefined;
    await expect(decoder.decode(record)).rejects.toMatchObject({ code: CodecErrorCode.UnknownSchemaId });
    expect(registry.calls.getWriterType).toBe(2);
  });

  it('decodes its own records without asking the registry', async () => {
    const { decoder, good, registry } = await setup();
    await decoder.decode(good);
    expect(registry.calls.getWriterType).toBe(0);
  });
});
