/** Earliest and latest offsets of one partition: records live at [low, high). */
export interface PartitionWatermarks {
  readonly partition: number;
  readonly low: bigint;
  readonly high: bigint;
}

/** A half-open slice [from, to) of one partition; `count` is an upper bound (compaction, control records). */
export interface PartitionRange {
  readonly partition: number;
  readonly from: bigint;
  readonly to: bigint;
  readonly count: bigint;
}

/** Offsets the broker found for one timestamp: the first offset at or after it, per partition. */
export type OffsetsAtTime = ReadonlyMap<number, bigint>;

export function totalCount(ranges: readonly PartitionRange[]): bigint {
  return ranges.reduce((sum, range) => sum + range.count, 0n);
}
