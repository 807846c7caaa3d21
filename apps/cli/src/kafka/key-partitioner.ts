import { Partitioners, type Admin, type Message, type PartitionMetadata } from 'kafkajs';

export type PartitionChooser = (message: Message) => number;

/**
 * The producer's default partitioner (murmur2 on the key, as the Java client), run here
 * rather than inside `send()`: a record whose partition is known before sending is a
 * record whose acknowledgement can be checked (see `sendAcknowledged`).
 */
export async function keyPartitioner(admin: Admin, topic: string): Promise<PartitionChooser> {
  const metadata = await admin.fetchTopicMetadata({ topics: [topic] });
  const partitionMetadata: PartitionMetadata[] = metadata.topics[0].partitions;
  const partitioner = Partitioners.DefaultPartitioner();
  return (message) => partitioner({ topic, partitionMetadata, message });
}
