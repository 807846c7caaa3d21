import { Partitioners, type PartitionMetadata } from 'kafkajs';
import { partitionForKey } from './murmur2.partitioner';

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

  it.each([0, -1, 1.5, Number.NaN])('refuses a partition count of %p', (count) => {
    expect(() => partitionForKey('k', count)).toThrow(RangeError);
  });
});
