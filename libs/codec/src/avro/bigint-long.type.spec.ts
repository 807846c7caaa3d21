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
