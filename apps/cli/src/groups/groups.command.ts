import { Command } from 'commander';
import { describeGroup, parseDuration, parseOffset, parseTimeSpec, parseTopicSelection, type ResetTarget, runGroupReset, summarizeGroups } from '@eventline/ops';
import { badArgument } from '../common/cli.error';
import { withContext } from '../common/command-action';
import { signedWhole } from '../common/option-parsers';
import { printGroupReset } from './group-reset.report';

interface ResetFlags {
  readonly topic: string[];
  readonly toOffset?: string;
  readonly toTime?: string;
  readonly toEarliest?: boolean;
  readonly toLatest?: boolean;
  readonly shiftBy?: string;
  readonly byDuration?: string;
  readonly execute?: boolean;
}

function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/** Exactly one of the six targets; none or two is a usage error naming them. */
function resetTarget(flags: ResetFlags, now: number): ResetTarget {
  const given: Array<[string, () => ResetTarget]> = [];
  if (flags.toOffset !== undefined) given.push(['--to-offset', () => ({ kind: 'offset', offset: parseOffset(flags.toOffset as string, 'toOffset') })]);
  if (flags.toTime !== undefined) given.push(['--to-time', () => ({ kind: 'time', at: parseTimeSpec(flags.toTime as string, now, 'toTime') })]);
  if (flags.toEarliest) given.push(['--to-earliest', () => ({ kind: 'earliest' })]);
  if (flags.toLatest) given.push(['--to-latest', () => ({ kind: 'latest' })]);
  if (flags.shiftBy !== undefined) given.push(['--shift-by', () => ({ kind: 'shift', by: BigInt(flags.shiftBy as string) })]);
  if (flags.byDuration !== undefined) given.push(['--by-duration', () => ({ kind: 'time', at: now - parseDuration(flags.byDuration as string, 'byDuration') })]);
  if (given.length !== 1) {
    throw badArgument(
      given.length === 0
        ? 'say where to move the offsets: one of --to-offset, --to-time, --to-earliest, --to-latest, --shift-by, --by-duration'
        : `choose one of ${given.map(([flag]) => flag).join(', ')}`,
    );
  }
  return given[0][1]();
}

export function groupsCommand(): Command {
  const groups = new Command('groups').description('list consumer groups, describe one (members, committed offsets, lag), or reset its offsets');

  groups
    .command('list')
    .description('every consumer group the brokers know')
    .addHelpText('after', '\nExamples:\n  eventline groups list\n  eventline groups list --json')
    .action((_flags: object, cmd: Command) =>
      withContext(cmd, async (ctx) => {
        const all = await summarizeGroups(await ctx.admin());
        if (ctx.output.json) return ctx.output.document(all);
        ctx.output.table(all, [
          ['GROUP', (g) => g.groupId],
          ['STATE', (g) => g.state],
          ['MEMBERS', (g) => String(g.members)],
          ['PROTOCOL TYPE', (g) => g.protocolType || '-'],
        ]);
      }),
    );

  groups
    .command('describe')
    .description('state, members with their partitions, and per partition the committed offset, latest offset and lag')
    .argument('<group>')
    .addHelpText(
      'after',
      `
LAG is latest − committed: records the group has not processed yet. "-" = never committed.

Examples:
  eventline groups describe fulfillment
  eventline groups describe fulfillment --json | jq '[.offsets[].lag | tonumber] | add'`,
    )
    .action((groupId: string, _flags: object, cmd: Command) =>
      withContext(cmd, async (ctx) => {
        const group = await describeGroup(await ctx.admin(), groupId);
        if (ctx.output.json) return ctx.output.document(group);
        ctx.output.line(`group ${group.groupId}: ${group.state}${group.protocol ? ` (${group.protocol})` : ''}, ${group.members.length} member(s)`);
        ctx.output.line();
        ctx.output.table(
          group.members,
          [
            ['MEMBER', (m) => m.memberId],
            ['CLIENT', (m) => m.clientId],
            ['HOST', (m) => m.host],
            ['ASSIGNMENT', (m) => Object.entries(m.assignment).map(([t, ps]) => `${t}:${ps.join(',')}`).join(' ') || '-'],
          ],
          '(no active members)',
        );
        ctx.output.line();
        ctx.output.table(
          group.offsets,
          [
            ['TOPIC', (o) => o.topic],
            ['PARTITION', (o) => String(o.partition)],
            ['COMMITTED', (o) => o.committed?.toString() ?? '-'],
            ['LATEST', (o) => o.latest.toString()],
            ['LAG', (o) => o.lag?.toString() ?? '-'],
            ['OWNER', (o) => o.owner ?? '-'],
          ],
          '(no committed offsets)',
        );
      }),
    );

  groups
    .command('reset')
    .description('move a group’s committed offsets (dry run unless --execute); refused while the group has members')
    .argument('<group>')
    .requiredOption('--topic <topic[:p1,p2]>', 'topic to reset, optionally only some partitions; repeat for more topics', collect)
    .option('--to-offset <offset>', 'this offset in every selected partition (must be within earliest–latest)')
    .option('--to-time <time>', 'the first offset at or after this time (ISO 8601 or a duration ago: 10m, 2h)')
    .option('--to-earliest', 'the earliest offset (reprocess everything retained)')
    .option('--to-latest', 'the latest offset (skip everything not yet processed)')
    .option('--shift-by <n>', 'move by n from the committed offset (negative = back), clamped to earliest–latest', signedWhole)
    .option('--by-duration <duration>', 'the first offset at or after now − duration, e.g. 1h')
    .option('--execute', 'commit the new offsets (without it, only print current → new)')
    .addHelpText(
      'after',
      `
A committed offset is the next record the group reads. The group must have no active
members (stop its consumers first); otherwise the command names them and exits 3.

Examples:
  eventline groups reset billing --topic orders --by-duration 1h            # dry run
  eventline groups reset billing --topic orders --by-duration 1h --execute
  eventline groups reset billing --topic orders:0,3 --shift-by -500 --execute
  eventline groups reset billing --topic orders --to-time 2025-06-01T08:00:00Z
  eventline groups reset billing --topic orders --topic payments --to-earliest --execute`,
    )
    .action((groupId: string, flags: ResetFlags, cmd: Command) =>
      withContext(cmd, async (ctx) => {
        const result = await runGroupReset(ctx.ops, {
          groupId,
          topics: flags.topic.map((topic) => parseTopicSelection(topic)),
          target: resetTarget(flags, ctx.now()),
          execute: flags.execute === true,
        });
        printGroupReset(ctx.output, result);
      }),
    );
  return groups;
}
