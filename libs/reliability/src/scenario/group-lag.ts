import type { Admin } from 'kafkajs';

/** Records of `topic` the group has not committed yet, summed over partitions (no commit = from the low watermark). */
export async function groupLag(admin: Admin, groupId: string, topic: string): Promise<bigint> {
  const [ends, [committed]] = await Promise.all([admin.fetchTopicOffsets(topic), admin.fetchOffsets({ groupId, topics: [topic] })]);
  const done = new Map(committed.partitions.map((p) => [p.partition, BigInt(p.offset)]));
  let lag = 0n;
  for (const p of ends) {
    const at = done.get(p.partition) ?? -1n;
    const from = at < 0n ? BigInt(p.low) : at;
    if (BigInt(p.high) > from) lag += BigInt(p.high) - from;
  }
  return lag;
}
