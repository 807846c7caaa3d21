import type { Admin } from 'kafkajs';
import { partitionForKey } from '@eventline/runtime';

export type PartitionChooser = (message: { readonly key?: Buffer | string | null }) => number;

/**
 * Where a record placed by key goes: the runtime's murmur2 (the Java client's default
 * partitioner, so one key lands where every other producer puts it), decided before sending
 * so its acknowledgement can be checked (see `RecordWriter`). Keyless records go round the
 * partitions, as the producers' default does.
 */
export async function keyPartitioner(admin: Pick<Admin, 'fetchTopicMetadata'>, topic: string): Promise<PartitionChooser> {
  const metadata = await admin.fetchTopicMetadata({ topics: [topic] });
  const partitions = metadata.topics[0].partitions.length;
  let next = 0;
  return (message) => {
    if (message.key === null || message.key === undefined) return next++ % partitions;
    return partitionForKey(message.key, partitions);
  };
}
