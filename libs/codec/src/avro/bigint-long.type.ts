import avro from 'avsc';

const MIN = -(2n ** 63n);
const MAX = 2n ** 63n - 1n;
// avsc copies the 8 bytes out synchronously before returning, so one scratch buffer serves all writes.
const scratch = Buffer.alloc(8);

/**
 * Avro `long` as `bigint`. avsc's default long is a JS number and throws past 2^53 ("potential
 * precision loss") — a valid record from a Java producer would then look like a corrupt one.
 * avsc hands us the value as 8 little-endian two's-complement bytes (see readBigIntLong for reads).
 */
const genericBigIntLongType = avro.types.LongType.__with({
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

/**
 * Reads a zigzag varint long straight from avsc's tap. avsc's generic path for a custom long
 * first unpacks it into a fresh 8-byte buffer per value (an allocation and a copy for every
 * long of every record); values of up to 7 bytes (|v| < 2^48, amounts and ids alike) are
 * accumulated exactly in a double here, longer ones in a bigint. Consumes exactly the bytes
 * avsc's own reader would; past the end of the buffer the tap becomes invalid, which avsc
 * reports as a truncated body.
 */
function readBigIntLong(tap: { buf: Buffer; pos: number }): bigint {
  const buf = tap.buf;
  let pos = tap.pos;
  let b = buf[pos++];
  let n = b & 0x7f;
  let scale = 128;
  for (let bytes = 1; b & 0x80 && bytes < 7; bytes++) {
    b = buf[pos++];
    n += (b & 0x7f) * scale;
    scale *= 128;
  }
  if (!(b & 0x80)) {
    tap.pos = pos;
    return BigInt(n % 2 === 0 ? n / 2 : -(n + 1) / 2);
  }
  let big = BigInt(n);
  let shift = 49n;
  do {
    b = buf[pos++];
    big |= BigInt(b & 0x7f) << shift;
    shift += 7n;
  } while (b & 0x80);
  tap.pos = pos;
  return BigInt.asIntN(64, (big >> 1n) ^ -(big & 1n));
}

// Within ±2^52 the zigzag value (at most 2^53 − 1) is exact in a double, so avsc's own number writer serves.
const NUMBER_SAFE = 2n ** 52n;

interface WriteTap {
  buf: Buffer;
  pos: number;
  writeLong(n: number): void;
}

/**
 * Writes a bigint long as a zigzag varint straight into avsc's tap. avsc's generic path for
 * a custom long asks for 8 little-endian bytes and repacks them (three reads and a parts
 * array per value); here amounts and ids, which fit in 52 bits, go through avsc's number
 * writer, and only the rare larger value through bigint arithmetic. Like avsc's writers it
 * may run past the end of the buffer (writes there are dropped, the position still advances),
 * which avsc answers by growing the buffer and writing again. Anything that is not a bigint
 * within the signed 64-bit range throws, which the encoder reports as an invalid payload.
 */
function writeBigIntLong(tap: WriteTap, value: bigint): void {
  if (typeof value !== 'bigint') throw new TypeError(`an Avro long must be a bigint, got ${typeof value}`);
  if (value > -NUMBER_SAFE && value < NUMBER_SAFE) {
    tap.writeLong(Number(value));
    return;
  }
  if (value < MIN || value > MAX) throw new RangeError(`${value} is outside the Avro long range`);
  let zigzag = BigInt.asUintN(64, (value << 1n) ^ (value >> 63n));
  const buf = tap.buf;
  while (zigzag >= 0x80n) {
    buf[tap.pos++] = Number(zigzag & 0x7fn) | 0x80;
    zigzag >>= 7n;
  }
  buf[tap.pos++] = Number(zigzag);
}

/** The bigint long avsc builds every plain `long` with (see avro-type.options.ts). */
export const BigIntLongType = Object.freeze(
  Object.create(genericBigIntLongType, { _read: { value: readBigIntLong }, _write: { value: writeBigIntLong } }),
) as typeof genericBigIntLongType;
