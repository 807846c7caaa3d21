import { OpsError, OpsErrorCode, OpsRemedy } from '../errors/ops.error';
import type { OffsetsAtTime, PartitionWatermarks } from '../ranges/partition-range';
import { selectPartitions } from '../ranges/range-plan';

/** Where a group reset moves the committed offset. A duration is turned into a `time` by the caller. */
export type ResetTarget =
  | { readonly kind: 'earliest' }
  | { readonly kind: 'latest' }
  | { readonly kind: 'offset'; readonly offset: bigint }
  | { readonly kind: 'time'; readonly at: number }
  | { readonly kind: 'shift'; readonly by: bigint };

export interface ResetRow {
  readonly topic: string;
  readonly partition: number;
  readonly current?: bigint;
  readonly next: bigint;
  readonly low: bigint;
  readonly high: bigint;
}

export interface ResetPlanInput {
  readonly topic: string;
  readonly watermarks: readonly PartitionWatermarks[];
  readonly partitions?: readonly number[];
  /** The group's committed offset per partition; absent = never committed. */
  readonly committed: ReadonlyMap<number, bigint>;
  readonly target: ResetTarget;
  /** For a `time` target: the broker's first offset at or after it, per partition. */
  readonly offsetsAtTime?: OffsetsAtTime;
}

/**
 * The new committed offset per partition. A committed offset is the next record the group
 * reads, so any value in [earliest, latest] is meaningful and nothing else is: an explicit
 * offset outside is refused, while a shift is clamped into it (as Kafka's own
 * kafka-consumer-groups tool does) because "back 1000" past the start plainly means "the start".
 */
export function planReset(input: ResetPlanInput): ResetRow[] {
  return selectPartitions(input.topic, input.watermarks, input.partitions).map((w) => {
    const current = input.committed.get(w.partition);
    return { topic: input.topic, partition: w.partition, current, next: nextOffset(input, w, current), low: w.low, high: w.high };
  });
}

function nextOffset(input: ResetPlanInput, w: PartitionWatermarks, current: bigint | undefined): bigint {
  const target = input.target;
  switch (target.kind) {
    case 'earliest':
      return w.low;
    case 'latest':
      return w.high;
    case 'offset':
      if (target.offset < w.low || target.offset > w.high) {
        throw new OpsError(OpsErrorCode.OffsetOutOfRange, `toOffset ${target.offset} is outside ${input.topic}[${w.partition}], whose offsets run ${w.low}–${w.high}`, {
          detail: { fields: ['toOffset'], topic: input.topic },
        });
      }
      return target.offset;
    case 'time': {
      const offset = input.offsetsAtTime?.get(w.partition);
      if (offset === undefined) throw new Error(`no broker offset looked up for ${input.topic}[${w.partition}]`);
      return clamp(offset, w);
    }
    case 'shift':
      if (current === undefined) {
        throw new OpsError(OpsErrorCode.BadArgument, `the group has no committed offset on ${input.topic}[${w.partition}] to shift from`, {
          detail: { topic: input.topic, remedy: OpsRemedy.AbsoluteTarget },
        });
      }
      return clamp(current + target.by, w);
  }
}

function clamp(offset: bigint, w: PartitionWatermarks): bigint {
  if (offset < w.low) return w.low;
  return offset > w.high ? w.high : offset;
}
