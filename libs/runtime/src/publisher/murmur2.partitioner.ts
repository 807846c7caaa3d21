import { Partitioners, type PartitionMetadata } from 'kafkajs';

/**
 * The partition of a keyed record, exactly as the Java client's default partitioner
 * computes it (murmur2 of the key bytes, sign bit masked, modulo the partition count).
 * kafkajs's `DefaultPartitioner` implements it; this only feeds it a partition count, so
 * producers in other languages put one key on the same partition and its events stay in
 * order whoever writes them.
 *
 * The publisher assigns partitions itself, rather than letting kafkajs do it inside send,
 * because it has to know which partitions each send went to in order to check that every
 * one of them was acknowledged (see acknowledged-send.ts).
 */
const javaCompatible = Partitioners.DefaultPartitioner();
const metadataByCount = new Map<number, PartitionMetadata[]>();

export function partitionForKey(key: string | Buffer, partitionCount: number): number {
  if (!Number.isInteger(partitionCount) || partitionCount < 1) {
    throw new RangeError(`partition count must be a whole number ≥ 1, got ${partitionCount}`);
  }
  let partitionMetadata = metadataByCount.get(partitionCount);
  if (!partitionMetadata) {
    // For a keyed record only the count matters; leaders and replicas are not read.
    partitionMetadata = Array.from({ length: partitionCount }, (_, partitionId) => ({ partitionId, leader: 0, partitionErrorCode: 0, replicas: [], isr: [] }));
    metadataByCount.set(partitionCount, partitionMetadata);
  }
  return javaCompatible({ topic: '', partitionMetadata, message: { key, value: null } });
}
