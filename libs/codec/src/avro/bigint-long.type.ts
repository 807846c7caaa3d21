import avro from 'avsc';

const MIN = -(2n ** 63n);
const MAX = 2n ** 63n - 1n;
// avsc copies the 8 bytes out synchronously before returning, so one scratch buffer serves all writes.
const scratch = Buffer.alloc(8);

/**
 * Avro `long` as `bigint`. avsc's default long is a JS number and throws past 2^53 ("potential
 * precision loss") — a valid record from a Java producer would then look like a corrupt one.
 * avsc hands us the value as 8 little-endian two's-complement bytes.
 */
export const BigIntLongType = avro.types.LongType.__with({
  fromBuffer: (buf: Buffer): bigint => buf.readBigInt64LE(0),
  toBuffer: (value: bigint): Buffer => {
    scratch.writeBigInt64LE(value, 0);
    return scratch;
  },
  fromJSON: (value: unknown): bigint => BigInt(value as string | number),
  // JSON has no bigint; keep precision by falling back to a string past 2^53.
  toJSON: (value: bigint): number | string =>
    value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : value.toString(),
  isValid: (value: unknown): boolean => typeof value === 'bigint' && value >= MIN && value <= MAX,
  compare: (a: bigint, b: bigint): number => (a < b ? -1 : a > b ? 1 : 0),
});
