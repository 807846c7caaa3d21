import type { Admin } from 'kafkajs';
import type { OffsetsAtTime, PartitionWatermarks } from '../ranges/partition-range';

/** Earliest and latest offset of every partition, as bigint (kafkajs hands them over as strings). */
export async function fetchWatermarks(admin: Admin, topic: string): Promise<PartitionWatermarks[]> {
  const offsets = await admin.fetchTopicOffsets(topic);
  return offsets
    .map((p) => ({ partition: p.partition, low: BigInt(p.low), high: BigInt(p.high) }))
    .sort((a, b) => a.partition - b.partition);
}

/**
 * ListOffsets by timestamp for each time: per partition the first offset whose record
 * timestamp is at or after it, or the latest offset when none is (kafkajs substitutes the
 * high watermark for the broker's -1).
 */
export async function fetchOffsetsAtTimes(admin: Admin, topic: string, times: readonly number[]): Promise<Map<number, OffsetsAtTime>> {
  const result = new Map<number, OffsetsAtTime>();
  for (const at of new Set(times)) {
    const offsets = await admin.fetchTopicOffsetsByTimestamp(topic, at);
    result.set(at, new Map(offsets.map((p) => [p.partition, BigInt(p.offset)])));
  }
  return result;
}
