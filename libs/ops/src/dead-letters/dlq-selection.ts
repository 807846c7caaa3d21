import type { KafkaMessage } from 'kafkajs';
import { type DeadLetterReading, errorCodeOf, readDeadLetter } from './dead-letter-record';
import { type OffsetPosition } from '../ranges/offset-position';
import { type PartitionRange } from '../ranges/partition-range';
import { resolveRanges } from '../ranges/resolve-ranges';
import { recordFilter, type RecordFilterSpec } from '../records/record-filter';
import { assertTopicExists } from '../topics/topic-exists';
import type { OpsContext } from '../context/ops-context';

/** Which dead letters an inspection or a redrive works on: a range of the DLQ (offsets or times) and filters. */
export interface DlqSelection {
  readonly dlqTopic: string;
  readonly from: OffsetPosition;
  readonly to: OffsetPosition;
  readonly partitions?: readonly number[];
  readonly filter: RecordFilterSpec;
  readonly errorCode?: string;
  /** Only dead letters whose recorded consumer group (eventline-dlq-consumer-group) is this one. */
  readonly consumerGroup?: string;
  /** Read exactly these ranges instead of resolving from/to (a front end that picked records one by one). */
  readonly ranges?: readonly PartitionRange[];
}

/** Time bounds are resolved to DLQ offsets by the broker, so "the last hour" reads only that hour. */
export async function selectionRanges(ctx: OpsContext, selection: DlqSelection): Promise<PartitionRange[]> {
  const admin = await ctx.admin();
  await assertTopicExists(admin, selection.dlqTopic, 'dead-letter topic');
  return selection.ranges ? [...selection.ranges] : resolveRanges(admin, selection.dlqTopic, selection);
}

/** The reading of a message if it passes the filters, else undefined. */
export function selectionMatcher(selection: DlqSelection): (message: KafkaMessage) => DeadLetterReading | undefined {
  const matches = recordFilter(selection.filter);
  return (message) => {
    if (!matches(message)) return undefined;
    const reading = readDeadLetter(message);
    if (selection.errorCode !== undefined && errorCodeOf(reading) !== selection.errorCode) return undefined;
    if (selection.consumerGroup !== undefined && reading.info?.consumerGroup !== selection.consumerGroup) return undefined;
    return reading;
  };
}
