import { OpsError, OpsErrorCode, badArgument } from '../errors/ops.error';
import { describePosition, type OffsetPosition } from './offset-position';
import type { OffsetsAtTime, PartitionRange, PartitionWatermarks } from './partition-range';

export interface RangePlanInput {
  readonly topic: string;
  readonly watermarks: readonly PartitionWatermarks[];
  /** Only these partitions; all when absent. */
  readonly partitions?: readonly number[];
  readonly from: OffsetPosition;
  /** An `offset` end is inclusive (the last record wanted); the others are exclusive. */
  readonly to: OffsetPosition;
  /** The broker's answer for each time position used, keyed by that timestamp. */
  readonly offsetsAtTime?: ReadonlyMap<number, OffsetsAtTime>;
}

/**
 * Turns a start and an end position into one bounded range per partition, checked against the
 * partition's watermarks. Explicit offsets must lie inside [earliest, latest] — a typo there
 * would otherwise silently read nothing or everything — whereas a time simply lands on the
 * first record at or after it, which is always inside.
 */
export function planRanges(input: RangePlanInput): PartitionRange[] {
  const selected = selectPartitions(input.topic, input.watermarks, input.partitions);
  if (input.from.kind === 'time' && input.to.kind === 'time' && input.to.at < input.from.at) {
    throw badArgument(`toTime ${describePosition(input.to)} is before fromTime ${describePosition(input.from)}`, 'toTime', 'fromTime');
  }
  return selected.map((w) => {
    const from = startOffset(input, w);
    const to = endOffset(input, w);
    if (input.from.kind === 'offset' && input.to.kind === 'offset' && input.to.offset < input.from.offset) {
      throw badArgument(`toOffset ${input.to.offset} is before fromOffset ${input.from.offset}`, 'toOffset', 'fromOffset');
    }
    // A time end before the start is an empty range, not an error: the window just holds nothing here.
    const end = to < from ? from : to;
    return { partition: w.partition, from, to: end, count: end - from };
  });
}

export function selectPartitions(topic: string, watermarks: readonly PartitionWatermarks[], partitions?: readonly number[]): PartitionWatermarks[] {
  const sorted = [...watermarks].sort((a, b) => a.partition - b.partition);
  if (!partitions) return sorted;
  const byPartition = new Map(sorted.map((w) => [w.partition, w]));
  return partitions.map((p) => {
    const w = byPartition.get(p);
    if (!w) throw new OpsError(OpsErrorCode.UnknownPartition, `topic ${topic} has no partition ${p} (it has ${sorted.length}: 0–${sorted.length - 1})`, { detail: { topic } });
    return w;
  });
}

function startOffset(input: RangePlanInput, w: PartitionWatermarks): bigint {
  const position = input.from;
  switch (position.kind) {
    case 'earliest':
      return w.low;
    case 'latest':
      return w.high;
    case 'offset':
      if (position.offset < w.low || position.offset > w.high) throw outOfRange(input.topic, 'fromOffset', position.offset, w);
      return position.offset;
    case 'time':
      return atTime(input, position.at, w);
  }
}

function endOffset(input: RangePlanInput, w: PartitionWatermarks): bigint {
  const position = input.to;
  switch (position.kind) {
    case 'earliest':
      return w.low;
    case 'latest':
      return w.high;
    case 'offset':
      // Inclusive: the offset named must hold a record, so it must be below `high`.
      if (position.offset < w.low || position.offset >= w.high) throw outOfRange(input.topic, 'toOffset', position.offset, w);
      return position.offset + 1n;
    case 'time':
      return atTime(input, position.at, w);
  }
}

function atTime(input: RangePlanInput, at: number, w: PartitionWatermarks): bigint {
  const offset = input.offsetsAtTime?.get(at)?.get(w.partition);
  if (offset === undefined) throw new Error(`no broker offsets looked up for time ${at} partition ${w.partition}`);
  // Retention may have deleted records since the lookup; never start below what exists.
  if (offset < w.low) return w.low;
  return offset > w.high ? w.high : offset;
}

function outOfRange(topic: string, field: string, offset: bigint, w: PartitionWatermarks): OpsError {
  const range = w.low === w.high ? `is empty (earliest = latest = ${w.low})` : `holds offsets ${w.low}–${w.high - 1n}`;
  return new OpsError(OpsErrorCode.OffsetOutOfRange, `${field} ${offset} is outside ${topic}[${w.partition}], which ${range}`, { detail: { fields: [field], topic } });
}
