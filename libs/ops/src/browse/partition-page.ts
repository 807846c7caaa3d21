import type { Admin, Kafka, KafkaMessage } from 'kafkajs';
import { OpsError, OpsErrorCode } from '../errors/ops.error';
import { readTopic } from '../read/topic-reader';
import { headerText } from '../records/header-text';
import { recordFilter } from '../records/record-filter';
import { fetchOffsetsAtTimes } from '../topics/topic-offsets';
import { knownTopicWatermarks } from './known-topic-watermarks';

export interface PartitionPageRequest {
  readonly topic: string;
  readonly partition: number;
  /** Start here (inclusive); or at `fromTime`; or at the earliest offset. */
  readonly fromOffset?: bigint;
  /** Epoch ms: the first record at or after it (the broker's time index). */
  readonly fromTime?: number;
  readonly key?: string;
  readonly eventType?: string;
  /** Only records whose header `name` has this text value. */
  readonly header?: { readonly name: string; readonly value: string };
  readonly limit?: number;
  readonly scanBudget?: number;
}

export interface PartitionPage {
  readonly partition: number;
  /** Where the page started (after resolving a time or "earliest"). */
  readonly from: bigint;
  readonly messages: readonly KafkaMessage[];
  /** Read on from here; null at the partition's end. */
  readonly nextOffset: bigint | null;
  readonly scanned: number;
  readonly earliest: bigint;
  readonly latest: bigint;
}

export const PARTITION_PAGE_DEFAULTS = { limit: 50, maxLimit: 200, scanBudget: 20_000 } as const;

/**
 * Records of one partition from an offset or a time, forwards, filtered, at most `limit` and
 * never more than `scanBudget` read: the explorer's page costs what it shows (plus what the
 * filters skip, bounded).
 */
export async function readPartitionPage(kafka: Kafka, admin: Admin, request: PartitionPageRequest): Promise<PartitionPage> {
  const limit = request.limit ?? PARTITION_PAGE_DEFAULTS.limit;
  if (!Number.isInteger(limit) || limit < 1 || limit > PARTITION_PAGE_DEFAULTS.maxLimit) {
    throw new OpsError(OpsErrorCode.BadArgument, `limit must be a whole number from 1 to ${PARTITION_PAGE_DEFAULTS.maxLimit}, not ${limit}`, { detail: { fields: ['limit'] } });
  }
  const budget = request.scanBudget ?? PARTITION_PAGE_DEFAULTS.scanBudget;
  const marks = await partitionWatermarks(admin, request.topic, request.partition);
  let from = marks.low;
  if (request.fromOffset !== undefined) {
    if (request.fromOffset < marks.low || request.fromOffset > marks.high) {
      throw new OpsError(
        OpsErrorCode.OffsetOutOfRange,
        `offset ${request.fromOffset} is outside partition ${request.partition} of ${request.topic}: [${marks.low}, ${marks.high}]`,
        { detail: { fields: ['fromOffset'] } },
      );
    }
    from = request.fromOffset;
  } else if (request.fromTime !== undefined) {
    from = (await fetchOffsetsAtTimes(admin, request.topic, [request.fromTime])).get(request.fromTime)?.get(request.partition) ?? marks.high;
  }

  const byRecord = recordFilter({ key: request.key, type: request.eventType });
  const header = request.header;
  const matches = header ? (m: KafkaMessage) => byRecord(m) && headerText(m.headers, header.name) === header.value : byRecord;
  const messages: KafkaMessage[] = [];
  let next = from;
  let scanned = 0;
  let span = BigInt(limit);
  while (messages.length < limit && next < marks.high && scanned < budget) {
    const to = minBig(marks.high, next + minBig(span, BigInt(budget - scanned)));
    let stoppedAt: bigint | undefined;
    await readTopic(kafka, request.topic, [{ partition: request.partition, from: next, to }], async ({ messages: batch }) => {
      for (const message of batch) {
        scanned += 1;
        if (matches(message)) messages.push(message);
        if (messages.length >= limit) {
          stoppedAt = BigInt(message.offset) + 1n;
          return false;
        }
      }
      return true;
    });
    next = stoppedAt ?? to;
    span *= 4n;
  }
  return { partition: request.partition, from, messages, nextOffset: next < marks.high ? next : null, scanned, earliest: marks.low, latest: marks.high };
}

/** One record by its coordinates, or undefined when it is gone (retention, compaction) or never was. */
export async function readRecordAt(kafka: Kafka, admin: Admin, topic: string, partition: number, offset: bigint): Promise<KafkaMessage | undefined> {
  const marks = await partitionWatermarks(admin, topic, partition);
  if (offset < marks.low || offset >= marks.high) return undefined;
  let found: KafkaMessage | undefined;
  await readTopic(kafka, topic, [{ partition, from: offset, to: offset + 1n }], async ({ messages }) => {
    found = messages.find((m) => m.offset === offset.toString());
    return false;
  });
  return found;
}

async function partitionWatermarks(admin: Admin, topic: string, partition: number) {
  const all = await knownTopicWatermarks(admin, topic);
  const marks = all.find((w) => w.partition === partition);
  if (!marks) {
    throw new OpsError(OpsErrorCode.UnknownPartition, `topic ${topic} has no partition ${partition} (it has ${all.length})`, { detail: { fields: ['partition'] } });
  }
  return marks;
}

const minBig = (a: bigint, b: bigint) => (a < b ? a : b);
