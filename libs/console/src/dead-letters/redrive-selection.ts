import type { KafkaMessage } from 'kafkajs';
import { dlqMatcher, type DlqSelection, type DeadLetterPageFilter, type PartitionRange } from '@eventline/ops';
import { badRequest } from '../errors/console.error';
import { bodyObject } from '../http/query-params';
import { deadLetterFilter } from './dead-letter-query';

/** What a redrive request selects, as the ops library's selection plus the console's own test per record. */
export interface ConsoleRedriveSelection {
  readonly selection: DlqSelection;
  readonly accept: (partition: number, message: KafkaMessage) => boolean;
  /** For the audit record: what the operator selected, in the request's terms. */
  readonly describe: Record<string, unknown>;
}

/** More than this many records picked one by one is a filter's job. */
const MAX_PICKED = 1_000;

export function redriveSelection(dlqTopic: string, raw: unknown, now: number): ConsoleRedriveSelection {
  const selection = bodyObject(raw);
  if (selection.kind === 'records') return pickedRecords(dlqTopic, selection.records);
  if (selection.kind === 'filter') return filtered(dlqTopic, deadLetterFilter(bodyObject(selection.filter ?? {}), now));
  throw badRequest('selection.kind', 'selection.kind must be "records" (a list of partition/offset) or "filter"');
}

function pickedRecords(dlqTopic: string, raw: unknown): ConsoleRedriveSelection {
  if (!Array.isArray(raw) || raw.length === 0) throw badRequest('selection.records', 'select at least one dead letter');
  if (raw.length > MAX_PICKED) throw badRequest('selection.records', `at most ${MAX_PICKED} records one by one; redrive by filter for more`);
  const picked = new Map<number, Set<string>>();
  for (const entry of raw) {
    const item = bodyObject(entry);
    const partition = item.partition;
    const offset = typeof item.offset === 'string' ? item.offset : undefined;
    if (!Number.isInteger(partition) || (partition as number) < 0 || offset === undefined || !/^\d{1,19}$/.test(offset)) {
      throw badRequest('selection.records', 'each record is { partition: <number>, offset: "<decimal string>" }');
    }
    const set = picked.get(partition as number) ?? new Set<string>();
    set.add(BigInt(offset).toString());
    picked.set(partition as number, set);
  }
  // One range per partition, from its lowest to its highest picked offset; only the picked ones pass.
  const ranges: PartitionRange[] = [...picked].map(([partition, offsets]) => {
    const sorted = [...offsets].map(BigInt).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const from = sorted[0];
    const to = sorted[sorted.length - 1] + 1n;
    return { partition, from, to, count: to - from };
  });
  return {
    selection: { dlqTopic, from: { kind: 'earliest' }, to: { kind: 'latest' }, partitions: [...picked.keys()], filter: {}, ranges },
    accept: (partition, message) => picked.get(partition)?.has(message.offset) === true,
    describe: { kind: 'records', records: [...picked].flatMap(([partition, offsets]) => [...offsets].map((offset) => ({ partition, offset }))) },
  };
}

function filtered(dlqTopic: string, filter: DeadLetterPageFilter): ConsoleRedriveSelection {
  const matches = dlqMatcher(filter);
  return {
    selection: {
      dlqTopic,
      // The broker's time index narrows the read; the matcher then checks each record's failure time.
      from: filter.fromTime !== undefined ? { kind: 'time', at: filter.fromTime } : { kind: 'earliest' },
      to: filter.toTime !== undefined ? { kind: 'time', at: filter.toTime } : { kind: 'latest' },
      filter: {},
    },
    accept: (_partition, message) => matches(message) !== undefined,
    describe: { kind: 'filter', filter: { ...filter } },
  };
}
