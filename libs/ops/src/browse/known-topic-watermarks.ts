import type { Admin } from 'kafkajs';
import type { PartitionWatermarks } from '../ranges/partition-range';
import { assertTopicExists } from '../topics/topic-exists';
import { fetchWatermarks } from '../topics/topic-offsets';

/**
 * The watermarks of a topic that exists. Asked first in one cheap request: kafkajs retries an
 * unknown topic's offsets for seconds before it gives up, and a page should say at once.
 */
export async function knownTopicWatermarks(admin: Admin, topic: string): Promise<PartitionWatermarks[]> {
  await assertTopicExists(admin, topic);
  return fetchWatermarks(admin, topic);
}
