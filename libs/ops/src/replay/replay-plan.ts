import { type PartitionRange } from '../ranges/partition-range';
import { OpsError, OpsErrorCode, OpsRemedy } from '../errors/ops.error';

/** How replayed records pick their target partition. */
export const PartitionMode = {
  /** Same partition number as in the source: per-partition order and co-location carry over. */
  Keep: 'keep',
  /** The default partitioner on the key (murmur2, as Java and kafkajs producers do). */
  ByKey: 'by-key',
} as const;
export type PartitionMode = (typeof PartitionMode)[keyof typeof PartitionMode];

export interface PartitionModeInput {
  readonly sourceTopic: string;
  readonly targetTopic: string;
  readonly targetPartitions: number;
  /** Source partitions that will be copied. */
  readonly copied: readonly number[];
  readonly keepPartitions: boolean;
}

/**
 * Keeping partitions is the default because it is the only mode that preserves the source's
 * per-partition order exactly. It needs every copied partition number to exist in the target;
 * otherwise the replay is refused rather than silently reshuffled — re-keying changes which
 * records a consumer sees in order, which the operator must choose (`keepPartitions: false`).
 */
export function choosePartitionMode(input: PartitionModeInput): PartitionMode {
  if (!input.keepPartitions) return PartitionMode.ByKey;
  const needed = input.copied.length === 0 ? 0 : Math.max(...input.copied) + 1;
  if (input.targetPartitions < needed) {
    throw new OpsError(
      OpsErrorCode.TargetTooFewPartitions,
      `target ${input.targetTopic} has ${input.targetPartitions} partition(s) but records come from ${input.sourceTopic} partitions up to ${needed - 1}`,
      { detail: { topic: input.targetTopic, sourceTopic: input.sourceTopic, remedy: OpsRemedy.PlaceByKey } },
    );
  }
  return PartitionMode.Keep;
}

export interface ReplayPlanRow extends PartitionRange {
  /** Records of the range this replay id already put in the target (found by the checkpoint). */
  readonly alreadyCopied: bigint;
  /** What is left to read; filters may copy fewer. */
  readonly remaining: bigint;
}

export interface ReplayPlan {
  readonly replayId: string;
  readonly sourceTopic: string;
  readonly targetTopic: string;
  readonly partitionMode: PartitionMode;
  readonly rows: readonly ReplayPlanRow[];
  readonly remaining: bigint;
}

export function planReplay(input: {
  readonly replayId: string;
  readonly sourceTopic: string;
  readonly targetTopic: string;
  readonly partitionMode: PartitionMode;
  readonly ranges: readonly PartitionRange[];
  readonly copiedIn: (range: PartitionRange) => bigint;
}): ReplayPlan {
  const rows = input.ranges.map((range) => {
    const alreadyCopied = input.copiedIn(range);
    return { ...range, alreadyCopied, remaining: range.count - alreadyCopied };
  });
  return {
    replayId: input.replayId,
    sourceTopic: input.sourceTopic,
    targetTopic: input.targetTopic,
    partitionMode: input.partitionMode,
    rows,
    remaining: rows.reduce((n, r) => n + r.remaining, 0n),
  };
}
