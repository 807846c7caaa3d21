import type { Admin, Kafka, KafkaMessage } from 'kafkajs';
import { CloudEventHeader } from '@eventline/contracts';
import { DeadLetterHeader } from '@eventline/runtime';
import { errorCodeOf, readDeadLetter, type DeadLetterReading } from '../dead-letters/dead-letter-record';
import { OpsError, OpsErrorCode } from '../errors/ops.error';
import { readTopic } from '../read/topic-reader';
import { headerText } from '../records/header-text';
import { recordFilter } from '../records/record-filter';
import { fetchOffsetsAtTimes } from '../topics/topic-offsets';
import { knownTopicWatermarks } from './known-topic-watermarks';
import { decodePageCursor, encodePageCursor, type PageCursor } from './page-cursor';

/** Which dead letters a page shows; absent fields match everything. */
export interface DeadLetterPageFilter {
  readonly errorCode?: string;
  readonly sourceTopic?: string;
  readonly sourcePartition?: number;
  readonly key?: string;
  readonly eventType?: string;
  /** Failed at or after (epoch ms). */
  readonly fromTime?: number;
  /** Failed before (epoch ms). */
  readonly toTime?: number;
}

export interface DeadLetterPageRequest {
  readonly dlqTopic: string;
  readonly filter?: DeadLetterPageFilter;
  /** From the previous page; absent: start at the newest records. */
  readonly cursor?: string;
  /** Records per page (1..200). */
  readonly limit?: number;
  /** At most this many records are read for one page (the bound of a request's cost). */
  readonly scanBudget?: number;
}

export interface DeadLetterEntry {
  readonly partition: number;
  readonly message: KafkaMessage;
  readonly reading: DeadLetterReading;
}

export interface DeadLetterPage {
  /** Newest first within what was read (per partition strictly by offset, across partitions by timestamp). */
  readonly entries: readonly DeadLetterEntry[];
  /** Null when every partition was read down to its earliest offset (or the time filter's start). */
  readonly nextCursor: string | null;
  readonly scanned: number;
  /** The scan budget ran out before the page filled: more may match further back. */
  readonly partial: boolean;
}

export const DEAD_LETTER_PAGE_DEFAULTS = { limit: 50, maxLimit: 200, scanBudget: 50_000 } as const;

/** The first window read per partition, then ×4 each round while the page is not full. */
const FIRST_WINDOW = 64n;

interface PartitionWindow {
  readonly partition: number;
  /** Lowest offset a page may still read (earliest, or where the time filter starts). */
  readonly floor: bigint;
  /** Exclusive: the next window ends here. */
  upper: bigint;
}

/**
 * One page of a dead-letter topic, newest first, read backwards from the end (or the cursor)
 * in windows per partition that grow while filters let few records through, and never more
 * than `scanBudget` records for a page: a page of a topic with a million dead letters costs
 * what the page needs, not what the topic holds. Time filters are resolved to offsets by the
 * broker's time index first, so "the last hour" reads only that hour.
 */
export async function readDeadLetterPage(kafka: Kafka, admin: Admin, request: DeadLetterPageRequest): Promise<DeadLetterPage> {
  const limit = pageLimit(request.limit);
  const budget = request.scanBudget ?? DEAD_LETTER_PAGE_DEFAULTS.scanBudget;
  const filter = request.filter ?? {};
  const windows = await startingWindows(admin, request.dlqTopic, filter, request.cursor ? decodePageCursor(request.cursor) : undefined);
  const matches = dlqMatcher(filter);

  const entries: DeadLetterEntry[] = [];
  let scanned = 0;
  const filtered = Object.values(filter).some((v) => v !== undefined);
  // With a filter the first window is wider: its match rate sizes the next one.
  let span = maxBig(FIRST_WINDOW, BigInt(limit)) * (filtered ? 4n : 1n);
  for (;;) {
    const open = windows.filter((w) => w.upper > w.floor);
    const room = budget - scanned;
    if (open.length === 0 || entries.length >= limit || room <= 0) break;
    // The budget is shared by the partitions still open; each gets at least one record.
    const perPartition = minBig(span, BigInt(Math.max(1, Math.floor(room / open.length))));
    const ranges = open.map((w) => ({ partition: w.partition, from: maxBig(w.floor, w.upper - perPartition), to: w.upper }));
    const found = new Map<number, DeadLetterEntry[]>();
    await readTopic(
      kafka,
      request.dlqTopic,
      ranges,
      async ({ partition, messages }) => {
        scanned += messages.length;
        const list = found.get(partition) ?? [];
        for (const message of messages) {
          const reading = matches(message);
          if (reading) list.push({ partition, message, reading });
        }
        found.set(partition, list);
      },
      { concurrency: 4 },
    );
    // Newest first: each partition's matches from its highest offset down, merged by timestamp.
    const queues = ranges.map((r) => ({ range: r, list: (found.get(r.partition) ?? []).reverse(), taken: 0 }));
    while (entries.length < limit) {
      let best: (typeof queues)[number] | undefined;
      for (const q of queues) {
        if (q.taken >= q.list.length) continue;
        if (!best || Number(q.list[q.taken].message.timestamp) > Number(best.list[best.taken].message.timestamp)) best = q;
      }
      if (!best) break;
      entries.push(best.list[best.taken]);
      best.taken += 1;
    }
    for (const q of queues) {
      const window = windows.find((w) => w.partition === q.range.partition) as PartitionWindow;
      // All of this window's matches are on the page: the next page starts below the window;
      // otherwise just below the last one taken (the rest of the window is read again).
      window.upper = q.taken === q.list.length ? q.range.from : BigInt(q.list[q.taken - 1]?.message.offset ?? String(window.upper));
    }
    span = nextSpan(span, { needed: limit - entries.length, scanned, matched: entries.length, partitions: windows.filter((w) => w.upper > w.floor).length });
  }

  const more = windows.some((w) => w.upper > w.floor);
  return {
    entries,
    nextCursor: more ? encodePageCursor(new Map(windows.map((w) => [w.partition, w.upper]))) : null,
    scanned,
    partial: more && entries.length < limit,
  };
}

/**
 * The next window per partition: from the match rate seen so far, what should fill the page
 * with a quarter to spare (one more round, not four); ×8 while nothing matched yet. Rounds
 * are what cost (each is a reader group's join), records are cheap.
 */
export function nextSpan(span: bigint, seen: { needed: number; scanned: number; matched: number; partitions: number }): bigint {
  if (seen.needed <= 0 || seen.partitions === 0) return span;
  if (seen.matched === 0 || seen.scanned === 0) return span * 8n;
  const rate = seen.matched / seen.scanned;
  const perPartition = BigInt(Math.ceil((seen.needed / rate) * 1.25 / seen.partitions)) + 16n;
  return maxBig(perPartition, FIRST_WINDOW);
}

function pageLimit(limit: number | undefined): number {
  if (limit === undefined) return DEAD_LETTER_PAGE_DEFAULTS.limit;
  if (!Number.isInteger(limit) || limit < 1 || limit > DEAD_LETTER_PAGE_DEFAULTS.maxLimit) {
    throw new OpsError(OpsErrorCode.BadArgument, `limit must be a whole number from 1 to ${DEAD_LETTER_PAGE_DEFAULTS.maxLimit}, not ${limit}`, { detail: { fields: ['limit'] } });
  }
  return limit;
}

async function startingWindows(admin: Admin, topic: string, filter: DeadLetterPageFilter, cursor: PageCursor | undefined): Promise<PartitionWindow[]> {
  const watermarks = await knownTopicWatermarks(admin, topic);
  const times = [filter.fromTime, filter.toTime].filter((t): t is number => t !== undefined);
  const atTimes = times.length > 0 ? await fetchOffsetsAtTimes(admin, topic, times) : undefined;
  return watermarks.map(({ partition, low, high }) => {
    const fromOffset = filter.fromTime !== undefined ? atTimes?.get(filter.fromTime)?.get(partition) : undefined;
    const toOffset = filter.toTime !== undefined ? atTimes?.get(filter.toTime)?.get(partition) : undefined;
    const floor = maxBig(low, fromOffset ?? low);
    let upper = minBig(high, toOffset ?? high);
    const resume = cursor?.get(partition);
    if (resume !== undefined) upper = minBig(upper, resume);
    return { partition, floor, upper };
  });
}

/** The dead-letter reading of a record that passes every filter, else undefined. */
export function dlqMatcher(filter: DeadLetterPageFilter): (message: KafkaMessage) => DeadLetterReading | undefined {
  const byRecord = recordFilter({ key: filter.key, type: filter.eventType });
  return (message) => {
    if (!byRecord(message)) return undefined;
    // The error code's header alone rules most records out, before the whole contract is parsed.
    if (filter.errorCode !== undefined) {
      const code = headerText(message.headers, DeadLetterHeader.ErrorCode);
      if (code !== undefined && code !== filter.errorCode) return undefined;
    }
    const reading = readDeadLetter(message);
    if (filter.errorCode !== undefined && errorCodeOf(reading) !== filter.errorCode) return undefined;
    if (filter.sourceTopic !== undefined && reading.info?.sourceTopic !== filter.sourceTopic) return undefined;
    if (filter.sourcePartition !== undefined && reading.info?.sourcePartition !== filter.sourcePartition) return undefined;
    if (filter.fromTime !== undefined || filter.toTime !== undefined) {
      const failedAt = reading.info ? Date.parse(reading.info.failedAt) : Number(message.timestamp);
      if (filter.fromTime !== undefined && !(failedAt >= filter.fromTime)) return undefined;
      if (filter.toTime !== undefined && !(failedAt < filter.toTime)) return undefined;
    }
    return reading;
  };
}

/** The CloudEvents type of a record, when it says. */
export const eventTypeOf = (message: KafkaMessage): string | undefined => headerText(message.headers, CloudEventHeader.Type);

const maxBig = (a: bigint, b: bigint) => (a > b ? a : b);
const minBig = (a: bigint, b: bigint) => (a < b ? a : b);
