import type { Admin } from 'kafkajs';
import { fetchOffsetsAtTimes, fetchWatermarks } from '../topics/topic-offsets';
import type { OffsetPosition } from './offset-position';
import type { PartitionRange } from './partition-range';
import { planRanges } from './range-plan';

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
