import { assertTopicExists, fetchOffsetsAtTimes, fetchWatermarks, parsePartitionList } from '@eventline/ops';
import { CliError, CliErrorCode, badArgument } from '../common/cli.error';
import type { CliContext } from '../common/cli-context';
import { assertGroupExists, committedOffsets, describeMembers, memberLabel } from './group-description';
import { planReset, type ResetRow, type ResetTarget } from './offset-reset-plan';

export interface TopicSelection {
  readonly topic: string;
  readonly partitions?: readonly number[];
}

/** `orders` or `orders:0,2` (Kafka topic names cannot contain ':'). */
export function parseTopicSelection(text: string): TopicSelection {
  const [topic, partitions, extra] = text.split(':');
  if (!topic || extra !== undefined) throw badArgument(`--topic "${text}" is not <topic> or <topic>:<p>,<p>`);
  return partitions === undefined ? { topic } : { topic, partitions: parsePartitionList(partitions, 'topic') };
}

export interface GroupResetOptions {
  readonly groupId: string;
  readonly topics: readonly TopicSelection[];
  readonly target: ResetTarget;
  readonly execute: boolean;
}

/**
 * Plans the reset, prints current → new per partition, and with `execute` commits the new
 * offsets. A group with members is refused even for a dry run (as Kafka's own tool does):
 * the members would overwrite the reset with their next commit, and a plan made against
 * a moving group is already stale when printed.
 */
export async function runGroupReset(ctx: CliContext, options: GroupResetOptions): Promise<ResetRow[]> {
  const admin = await ctx.admin();
  await assertGroupExists(admin, options.groupId);
  for (const { topic } of options.topics) await assertTopicExists(admin, topic);

  const { members } = await describeMembers(admin, options.groupId);
  if (members.length > 0) {
    throw new CliError(
      CliErrorCode.GroupActive,
      `consumer group ${options.groupId} has ${members.length} active member(s): ${members.map(memberLabel).join('; ')} — stop them, then reset`,
    );
  }

  const rows: ResetRow[] = [];
  for (const selection of options.topics) {
    const watermarks = await fetchWatermarks(admin, selection.topic);
    const committed = new Map(
      (await committedOffsets(admin, options.groupId, [], [selection.topic]))
        .filter((c) => c.committed !== undefined)
        .map((c) => [c.partition, c.committed as bigint]),
    );
    const offsetsAtTime =
      options.target.kind === 'time' ? (await fetchOffsetsAtTimes(admin, selection.topic, [options.target.at])).get(options.target.at) : undefined;
    rows.push(...planReset({ topic: selection.topic, watermarks, partitions: selection.partitions, committed, target: options.target, offsetsAtTime }));
  }

  if (options.execute) {
    for (const { topic } of options.topics) {
      const partitions = rows.filter((r) => r.topic === topic).map((r) => ({ partition: r.partition, offset: r.next.toString() }));
      await admin.setOffsets({ groupId: options.groupId, topic, partitions });
    }
  }
  printReset(ctx, options, rows);
  return rows;
}

function printReset(ctx: CliContext, options: GroupResetOptions, rows: readonly ResetRow[]): void {
  if (ctx.output.json) return ctx.output.document({ groupId: options.groupId, executed: options.execute, partitions: rows });
  ctx.output.line(`${options.execute ? 'reset' : 'dry run: would reset'} consumer group ${options.groupId}`);
  ctx.output.line();
  ctx.output.table(rows, [
    ['TOPIC', (r) => r.topic],
    ['PARTITION', (r) => String(r.partition)],
    ['EARLIEST', (r) => r.low.toString()],
    ['LATEST', (r) => r.high.toString()],
    ['CURRENT', (r) => r.current?.toString() ?? '-'],
    ['', () => '→'],
    ['NEW', (r) => r.next.toString()],
  ]);
  ctx.output.line();
  ctx.output.line(options.execute ? 'offsets committed; the group resumes from NEW when it starts' : 'nothing changed; add --execute to commit these offsets');
}
