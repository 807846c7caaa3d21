import type { Admin } from 'kafkajs';
import { OpsError, OpsErrorCode } from '../errors/ops.error';
import type { PartitionWatermarks } from '../ranges/partition-range';
import { fetchWatermarks } from '../topics/topic-offsets';

/**
 * The watermarks of a topic that exists. Asked first in one cheap request: kafkajs retries an
 * unknown topic's offsets for seconds before it gives up, and a page should say at once.
 */
export async function knownTopicWatermarks(admin: Admin, topic: string): Promise<PartitionWatermarks[]> {
  if (!(await admin.listTopics()).includes(topic)) throw new OpsError(OpsErrorCode.UnknownTopic, `topic ${topic} does not exist`);
  return fetchWatermarks(admin, topic);
}
