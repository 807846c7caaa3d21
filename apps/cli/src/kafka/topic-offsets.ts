import type { Admin } from 'kafkajs';
import { CliError, CliErrorCode } from '../common/cli.error';
import { didYouMean } from '../common/did-you-mean';
import type { OffsetPosition } from '../ranges/offset-position';
import type { OffsetsAtTime, PartitionRange, PartitionWatermarks } from '../ranges/partition-range';
import { planRanges } from '../ranges/range-plan';

/** Refuses an unknown topic up front: kafkajs would otherwise retry metadata for it, then fail vaguely. */
export async function assertTopicExists(admin: Admin, topic: string, role = 'topic'): Promise<void> {
  const topics = await admin.listTopics();
  if (!topics.includes(topic)) throw new CliError(CliErrorCode.UnknownTopic, `${role} ${topic} does not exist${didYouMean(topic, topics)}`);
}

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

export interface RangeRequest {
  readonly from: OffsetPosition;
  readonly to: OffsetPosition;
  readonly partitions?: readonly number[];
}

/** Watermarks and time lookups from the broker, then the pure plan. The end is captured now. */
export async function resolveRanges(admin: Admin, topic: string, request: RangeRequest): Promise<PartitionRange[]> {
  const watermarks = await fetchWatermarks(admin, topic);
  const times = [request.from, request.to].flatMap((p) => (p.kind === 'time' ? [p.at] : []));
  const offsetsAtTime = times.length > 0 ? await fetchOffsetsAtTimes(admin, topic, times) : undefined;
  return planRanges({ topic, watermarks, offsetsAtTime, ...request });
}
