/**
 * The partition of a keyed record, exactly as the Java client's default partitioner (and
 * kafkajs's `Partitioners.DefaultPartitioner`) computes it: murmur2 of the key's UTF-8
 * bytes, made positive by masking the sign bit (not `Math.abs`), modulo the partition count.
 * Producers in other languages that agree on this put one key on one partition, so a key's
 * events stay in order whoever writes them.
 *
 * The publisher assigns partitions itself, rather than letting kafkajs do it, because it
 * has to know which partitions each send went to in order to check that every one of them
 * was acknowledged (see acknowledged-send.ts).
 */
export function partitionForKey(key: string | Buffer, partitionCount: number): number {
  if (!Number.isInteger(partitionCount) || partitionCount < 1) {
    throw new RangeError(`partition count must be a whole number ≥ 1, got ${partitionCount}`);
  }
  return (murmur2(typeof key === 'string' ? Buffer.from(key, 'utf8') : key) & 0x7fffffff) % partitionCount;
}

const SEED = 0x9747b28c;
const M = 0x5bd1e995;

/**
 * Murmur2, 32-bit, as in Kafka's `Utils.murmur2`. Java's int arithmetic wraps at 32 bits;
 * `Math.imul` and the `| 0` / `>>>` operators give the same wrapping in JavaScript.
 */
export function murmur2(data: Buffer): number {
  const length = data.length;
  let h = (SEED ^ length) | 0;
  const blocks = length >>> 2;
  for (let i = 0; i < blocks; i++) {
    let k = data.readInt32LE(i * 4);
    k = Math.imul(k, M);
    k ^= k >>> 24;
    k = Math.imul(k, M);
    h = Math.imul(h, M) ^ k;
  }
  // The last 1–3 bytes, highest first; each step also applies the ones below it.
  const tail = blocks * 4;
  const rest = length & 3;
  if (rest === 3) h ^= data[tail + 2] << 16;
  if (rest >= 2) h ^= data[tail + 1] << 8;
  if (rest >= 1) h = Math.imul(h ^ data[tail], M);
  h ^= h >>> 13;
  h = Math.imul(h, M);
  h ^= h >>> 15;
  return h | 0;
}
