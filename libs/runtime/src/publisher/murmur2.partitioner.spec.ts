import { Partitioners, type PartitionMetadata } from 'kafkajs';
import { murmur2, partitionForKey } from './murmur2.partitioner';

// kafkajs's DefaultPartitioner is the Java client's (murmur2, sign bit masked) and serves as
// the oracle: whatever it answers for a key, ours must too, or keys would move partitions
// between Eventline and any other producer of the same topic.
const kafkajsPartitioner = Partitioners.DefaultPartitioner();
function oracle(key: string, partitionCount: number): number {
  const partitionMetadata: PartitionMetadata[] = Array.from({ length: partitionCount }, (_, partitionId) => ({
    partitionId,
    leader: 1,
    replicas: [1],
    isr: [1],
    partitionErrorCode: 0,
    offlineReplicas: [],
  }));
  return kafkajsPartitioner({ topic: 'oracle', partitionMetadata, message: { key, value: null } });
}

describe('partitionForKey (Java-compatible murmur2)', () => {
  const keys = [
    '',
    'a',
    'ab',
    'abc',
    'abcd',
    'order-1',
    'order-42',
    '7f0c3a1e-6a55-4f0e-9d6b-3f1f7cbb0f00',
    'customer-ü-✓',
    'a key long enough to run through several four-byte blocks and a tail',
  ];
  const counts = [1, 3, 6, 12, 50, 128];

  it.each(keys.flatMap((key) => counts.map((count) => [key, count] as const)))('puts %p on the same partition as kafkajs among %i', (key, count) => {
    expect(partitionForKey(key, count)).toBe(oracle(key, count));
  });

  it('agrees with kafkajs on 5,000 generated keys', () => {
    const disagreements = Array.from({ length: 5_000 }, (_, i) => `k-${i.toString(36)}-${'x'.repeat(i % 7)}`).filter(
      (key) => partitionForKey(key, 24) !== oracle(key, 24),
    );
    expect(disagreements).toEqual([]);
  });

  it('agrees with kafkajs on random UTF-8 keys of every length up to 300 bytes (astral, combining, NUL)', () => {
    const alphabet = ['a', 'Z', '0', '-', '\u0000', 'é', 'ß', '€', '✓', '😀', '\u0301', '中'];
    let seed = 42;
    const next = () => (seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0) / 2 ** 32;
    const keys = Array.from({ length: 3_000 }, (_, i) => Array.from({ length: i % 100 }, () => alphabet[Math.floor(next() * alphabet.length)]).join(''));
    expect(keys.filter((key) => partitionForKey(key, 97) !== oracle(key, 97))).toEqual([]);
  });

  it('puts a Buffer key where its UTF-8 string goes', () => {
    for (const key of ['order-1', 'customer-ü-✓', 'x'.repeat(1_000)]) expect(partitionForKey(Buffer.from(key), 31)).toBe(partitionForKey(key, 31));
  });

  // Kafka's own vectors (clients UtilsTest.testMurmur2): Java's signed 32-bit results.
  it.each([
    ['21', -973932308],
    ['foobar', -790332482],
    ['a-little-bit-long-string', -985981536],
    ['a-little-bit-longer-string', -1486304829],
    ['lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8', -58897971],
    ['abc', 479470107],
  ])('hashes %p to %i as the Java client does', (key, expected) => {
    expect(murmur2(Buffer.from(key))).toBe(expected);
  });

  it.each([0, -1, 1.5, Number.NaN])('refuses a partition count of %p', (count) => {
    expect(() => partitionForKey('k', count)).toThrow(RangeError);
  });
});
