import { assertTopicExists, type OffsetPosition, type ReadRange, readTopic, recordFilter, type RecordFilterSpec, resolveRanges, viewRecord } from '@eventline/ops';
import type { CliContext } from '../common/cli-context';

export interface TailOptions {
  readonly topic: string;
  readonly from: OffsetPosition;
  readonly partitions?: readonly number[];
  readonly filter: RecordFilterSpec;
  readonly max?: number;
  /** Keep reading past the end offsets captured at start, until Ctrl-C or `max`. */
  readonly follow: boolean;
  /** Print values as base64 without asking the registry. */
  readonly raw: boolean;
}

/** Prints records as JSON lines, decoded through the registry unless `raw`. */
export async function runTail(ctx: CliContext, options: TailOptions, signal: AbortSignal): Promise<void> {
  const admin = await ctx.admin();
  await assertTopicExists(admin, options.topic);
  const planned = await resolveRanges(admin, options.topic, { from: options.from, to: { kind: 'latest' }, partitions: options.partitions });
  const ranges: ReadRange[] = planned.map((r) => (options.follow ? { partition: r.partition, from: r.from } : r));
  const matches = recordFilter(options.filter);
  const codec = options.raw ? undefined : ctx.ops.codec();
  let printed = 0;
  if (ranges.length > 1) {
    // Kafka fetches partitions in whatever order its leaders answer; say so once.
    ctx.output.note(`order: by offset within each partition; partitions ${ranges.map((r) => r.partition).join(', ')} interleave as fetched (--partition N for one)`);
  }
  await readTopic(
    ctx.ops.kafka,
    options.topic,
    ranges,
    async ({ partition, messages }) => {
      for (const message of messages) {
        if (!matches(message)) continue;
        ctx.output.jsonLine(await viewRecord(options.topic, partition, message, codec));
        printed += 1;
        if (options.max !== undefined && printed >= options.max) return false;
      }
      return true;
    },
    { signal },
  );
}
