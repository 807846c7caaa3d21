import { Partitioners, type PartitionMetadata } from 'kafkajs';

/**
 * The partition of a key, computed here rather than inside kafkajs so the publisher knows
 * which partitions each send must see acknowledged. kafkajs's DefaultPartitioner is the
 * Java client's murmur2 partitioner, so keys land where Java producers would put them.
 */
export class KeyPartitioner {
  private readonly murmur2 = Partitioners.DefaultPartitioner();
  private readonly metadata = new Map<number, PartitionMetadata[]>();

  partitionOf(topic: string, key: string, partitionCount: number): number {
    let partitionMetadata = this.metadata.get(partitionCount);
    if (!partitionMetadata) {
      // Only the count matters to murmur2 for keyed records; leaders and replicas are not read.
      partitionMetadata = Array.from({ length: partitionCount }, (_, partitionId) => ({ partitionId, leader: 0, partitionErrorCode: 0, replicas: [], isr: [] }));
      this.metadata.set(partitionCount, partitionMetadata);
    }
    return this.murmur2({ topic, partitionMetadata, message: { key, value: null } });
  }
}
