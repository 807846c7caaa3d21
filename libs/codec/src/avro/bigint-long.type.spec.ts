import avro from 'avsc';
import { parseAvroType } from './avro-type.options';

const MIN = -(2n ** 63n);
const MAX = 2n ** 63n - 1n;

describe('bigint long', () => {
  const type = parseAvroType({ type: 'record', name: 'L', fields: [{ name: 'n', type: 'long' }, { name: 'after', type: 'string' }] });
  // avsc's reference reader for the same bytes: its generic custom-long path.
  const reference = avro.Type.forSchema(
    { type: 'record', name: 'L', fields: [{ name: 'n', type: 'long' }, { name: 'after', type: 'string' }] },
    {
      typeHook: (schema: unknown) =>
        schema === 'long'
          ? avro.types.LongType.__with({
              fromBuffer: (buf: Buffer) => buf.readBigInt64LE(0),
              toBuffer: (v: bigint) => {
                const b = Buffer.alloc(8);
                b.writeBigInt64LE(v);
                return b;
              },
              fromJSON: BigInt,
              toJSON: String,
              isValid: (v: unknown) => typeof v === 'bigint',
              compare: (a: bigint, b: bigint) => (a < b ? -1 : a > b ? 1 : 0),
            })
          : undefined,
    } as never,
  );

  const edges = [0n, 1n, -1n, 63n, -64n, 64n, 2n ** 31n, -(2n ** 31n), 2n ** 47n - 1n, -(2n ** 47n), 2n ** 48n - 1n, -(2n ** 48n), 2n ** 48n, 2n ** 53n + 1n, -(2n ** 53n) - 1n, MAX, MIN, 123_456_789_012_345n];
  it.each(edges.map((n) => [n.toString(), n]))('reads %s exactly, and the bytes after it', (_name, n) => {
    const buf = type.toBuffer({ n, after: 'tail' });
    expect(type.fromBuffer(buf)).toEqual({ n, after: 'tail' });
    expect(reference.fromBuffer(buf)).toEqual({ n, after: 'tail' });
  });

  it.each(edges.map((n) => [n.toString(), n]))('writes %s to the same bytes as avsc\'s generic long', (_name, n) => {
    expect(type.toBuffer({ n, after: 'tail' })).toEqual(reference.toBuffer({ n, after: 'tail' }));
  });

  it('writes 10,000 random longs of every magnitude to the reference bytes and reads them back', () => {
    let seed = 7n;
    const next = () => (seed = (seed * 6364136223846793005n + 1442695040888963407n) & (2n ** 64n - 1n));
    const values = Array.from({ length: 10_000 }, (_, i) => BigInt.asIntN(64, next()) >> BigInt(i % 64));
    const mismatches = values.filter((n) => !type.toBuffer({ n, after: '' }).equals(reference.toBuffer({ n, after: '' })) || type.fromBuffer(type.toBuffer({ n, after: '' })).n !== n);
    expect(mismatches).toEqual([]);
  });

  it('writes into a buffer too small for the value by growing it, as avsc does', () => {
    const out = Buffer.alloc(3);
    const end = type.encode({ n: MIN, after: 'x' }, out, 0);
    expect(end).toBeLessThan(0);
    const grown = Buffer.alloc(-end + 3);
    expect(type.decode(grown.subarray(0, type.encode({ n: MIN, after: 'x' }, grown, 0))).value).toEqual({ n: MIN, after: 'x' });
  });

  it.each([
    ['a number', 5],
    ['a string', '5'],
    ['a bigint past 2^63 − 1', MAX + 1n],
    ['a bigint below −2^63', MIN - 1n],
  ])('refuses to write %s', (_name, n) => {
    expect(() => type.toBuffer({ n, after: '' })).toThrow();
  });

  it('reports a long cut short as a truncated body', () => {
    const buf = type.toBuffer({ n: MAX, after: '' });
    expect(type.decode(buf.subarray(0, 4)).offset).toBe(-1);
  });

  it('still validates and writes through the generic type', () => {
    expect(type.isValid({ n: 5n, after: '' })).toBe(true);
    expect(type.isValid({ n: 5, after: '' })).toBe(false);
    expect(type.isValid({ n: MAX + 1n, after: '' })).toBe(false);
  });
});
