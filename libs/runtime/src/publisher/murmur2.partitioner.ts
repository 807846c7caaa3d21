/**
 * The partition of a keyed record, exactly as the Java client's default partitioner computes
 * it: murmur2 of the key's UTF-8 bytes, sign bit masked, modulo the partition count. Any
 * producer of a topic, in any language, then puts one key on the same partition, and the
 * key's events stay in order whoever writes them.
 *
 * The publisher assigns partitions itself, rather than letting kafkajs do it inside send,
 * because it has to know which partitions each send went to in order to check that every one
 * of them was acknowledged (see kafka/kafkajs/acknowledged-send.ts).
 *
 * Why not kafkajs's `DefaultPartitioner`: it computes the same hash through 64-bit `Long`
 * objects, a dozen allocations per four bytes of key; on the publisher's hot path that was
 * about a quarter of its CPU (the profile is in docs/benchmark-notes.md, Publisher: murmur2). Java's
 * algorithm is 32-bit integer arithmetic, which `Math.imul` and `>>>` express exactly. The
 * spec checks it against kafkajs's partitioner and Kafka's published murmur2 vectors.
 */
const SEED = 0x9747b28c;
const M = 0x5bd1e995;

// Keys are short: encode into one reused buffer instead of a new Buffer per record.
let scratch = Buffer.allocUnsafe(256);

/** Kafka's `Utils.murmur2` (a signed 32-bit result, as Java returns it). */
export function murmur2(data: Uint8Array, length = data.length): number {
  let h = (SEED ^ length) | 0;
  const blocks = length & ~3;
  for (let i = 0; i < blocks; i += 4) {
    let k = data[i] | (data[i + 1] << 8) | (data[i + 2] << 16) | (data[i + 3] << 24);
    k = Math.imul(k, M);
    k ^= k >>> 24;
    k = Math.imul(k, M);
    h = Math.imul(h, M) ^ k;
  }
  // The last one to three bytes (Java's switch falls through from the highest).
  const tail = length & 3;
  if (tail > 0) {
    if (tail === 3) h ^= data[blocks + 2] << 16;
    if (tail >= 2) h ^= data[blocks + 1] << 8;
    h ^= data[blocks];
    h = Math.imul(h, M);
  }
  h ^= h >>> 13;
  h = Math.imul(h, M);
  h ^= h >>> 15;
  return h;
}

export function partitionForKey(key: string | Buffer, partitionCount: number): number {
  if (!Number.isInteger(partitionCount) || partitionCount < 1) {
    throw new RangeError(`partition count must be a whole number ≥ 1, got ${partitionCount}`);
  }
  let hash: number;
  if (typeof key === 'string') {
    // At most 3 bytes per UTF-16 unit; grow the scratch buffer for the rare long key.
    if (key.length * 3 > scratch.length) scratch = Buffer.allocUnsafe(key.length * 3);
    hash = murmur2(scratch, scratch.write(key, 0, 'utf8'));
  } else {
    hash = murmur2(key);
  }
  return (hash & 0x7fffffff) % partitionCount;
}
