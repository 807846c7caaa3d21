import type { Admin } from 'kafkajs';

/** What the publisher needs from kafkajs's admin client. */
export type TopicMetadataSource = Pick<Admin, 'fetchTopicMetadata'>;

/**
 * Partition counts by topic, read from cluster metadata once and cached: the partitioner
 * needs one per record, and a topic's count only ever grows (Kafka cannot remove
 * partitions). A failed send forgets the counts of its topics, so a topic that grew is
 * noticed on the next attempt. Concurrent lookups of one topic share one request.
 */
export class PartitionCounts {
  private readonly counts = new Map<string, Promise<number>>();

  constructor(private readonly metadata: TopicMetadataSource) {}

  of(topic: string): Promise<number> {
    let count = this.counts.get(topic);
    if (!count) {
      count = this.metadata.fetchTopicMetadata({ topics: [topic] }).then(({ topics }) => {
        const partitions = topics.find((t) => t.name === topic)?.partitions.length ?? 0;
        if (partitions < 1) throw new Error(`topic ${topic} has no partitions in the cluster metadata`);
        return partitions;
      });
      // A failed lookup is not cached: the next attempt asks again.
      count.catch(() => {
        if (this.counts.get(topic) === count) this.counts.delete(topic);
      });
      this.counts.set(topic, count);
    }
    return count;
  }

  forget(topic: string): void {
    this.counts.delete(topic);
  }
}
