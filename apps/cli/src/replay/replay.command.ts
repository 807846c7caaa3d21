import { Command } from 'commander';
import { newRunId, parseRunId, runReplay } from '@eventline/ops';
import { withContext } from '../common/command-action';
import { progressFor } from '../common/progress.reporter';
import { positiveInt } from '../common/option-parsers';
import { addEndOptions, addStartOptions, endPosition, selectedPartitions, startPosition, type PositionFlags } from '../common/position-flags';
import { groupIdArgument } from '../groups/group-id.parser';
import { printReplayPlan, printReplaySummary } from './replay-report';

interface ReplayFlags extends PositionFlags {
  readonly toTopic?: string;
  readonly key?: string;
  readonly type?: string;
  readonly keepPartitions: boolean;
  readonly repartition?: boolean;
  readonly replayId?: string;
  readonly rate?: number;
  readonly dryRun?: boolean;
  readonly createTarget?: boolean;
  readonly forGroup?: string;
}

export function replayCommand(): Command {
  const command = new Command('replay')
    .description('copy a bounded range of a topic into another topic: key, value bytes and headers unchanged, plus provenance headers')
    .argument('<topic>', 'source topic')
    .requiredOption('--to-topic <target>', 'target topic (must exist)');
  addStartOptions(command, 'copy');
  addEndOptions(command, 'copy')
    .option('--key <key>', 'only records with this key')
    .option('--type <ce_type>', 'only records whose ce_type header is this event type')
    .option('--no-keep-partitions', 'place records by key in the target instead of keeping their source partition')
    .option('--repartition', 'same as --no-keep-partitions: needed when the target has fewer partitions')
    .option('--replay-id <id>', 'name of this replay; re-running with the same id copies only what is not in the target yet')
    .option('--rate <records/s>', 'at most this many records per second', positiveInt)
    .option('--for-group <id>', 'only this consumer group processes the copies (header eventline-redrive-for-group); other Eventline groups reading the target skip them', groupIdArgument)
    .option('--dry-run', 'print the plan (per-partition ranges and counts) and write nothing')
    .option('--create-target', 'create a missing --to-topic with the source’s partition count and topic configs')
    .addHelpText(
      'after',
      `
The range is fixed when the command starts: per partition from --from-* (default: the
beginning) up to --to-offset (inclusive), --to-time (exclusive), or the latest offset seen at
start. Records written to the source meanwhile are not copied.

Each copied record gets headers eventline-replay-id, eventline-replay-source-topic,
eventline-replay-source-partition and eventline-replay-source-offset. Before copying, the
target is scanned for records with this --replay-id: those are skipped, so an interrupted
or repeated replay never duplicates. Without --replay-id a new id is made and printed.

Partitions are kept by default (source partition n → target partition n), which keeps
per-partition order; a target with fewer partitions is refused (exit 3) unless
--repartition. Sends use an idempotent producer with acks=all, and a send is only counted
when Kafka acknowledged every partition in it.

--for-group <id> adds the header eventline-redrive-for-group (replacing one a record already
carries): the Eventline consumers of every other group reading the target commit past the
copies without a handler, so a replay meant to reprocess one group's work does not repeat
the others'. Without it, headers are copied as they are (a record redriven for one group
stays that group's).

Examples:
  eventline replay orders --to-topic orders.replay --from-time 2h --create-target --dry-run
  eventline replay orders --to-topic orders.replay --from-time 2025-06-01T08:00:00Z --to-time 2025-06-01T09:00:00Z
  eventline replay orders --to-topic orders.replay --partition 3 --from-offset 1500 --to-offset 1999 --rate 200
  eventline replay orders --to-topic orders.replay --type dev.eventline.orders.OrderPaid --replay-id paid-fix-1
  eventline replay orders --to-topic orders.small --repartition
  eventline replay orders --to-topic orders.reprocess --from-time 1h --for-group notifications-worker`,
    )
    .action((topic: string, flags: ReplayFlags, cmd: Command) =>
      withContext(cmd, async (ctx, signal) => {
        const now = ctx.now();
        const replayId = flags.replayId !== undefined ? parseRunId(flags.replayId, 'replayId') : newRunId('replay', now);
        const filter = { key: flags.key, type: flags.type };
        const result = await runReplay(ctx.ops, {
            sourceTopic: topic,
            targetTopic: flags.toTopic as string,
            from: startPosition(flags, now, { kind: 'earliest' }),
            to: endPosition(flags, now),
            partitions: selectedPartitions(flags),
            filter,
            keepPartitions: flags.keepPartitions && flags.repartition !== true,
            replayId,
            ratePerSecond: flags.rate,
            dryRun: flags.dryRun === true,
            createTarget: flags.createTarget === true,
            forGroup: flags.forGroup,
            signal,
            progress: progressFor(`replay ${replayId}`, { json: ctx.output.json }),
        });
        if (result.target) {
          const { plan, created } = result.target;
          ctx.output.note(created ? `created ${plan.topic} like ${topic} (${plan.partitions} partition(s))` : `would create ${plan.topic} like ${topic} (${plan.partitions} partition(s)) before copying`);
        }
        if (result.dryRun) printReplayPlan(ctx.output, result.plan, filter, flags.forGroup, result.matching);
        else printReplaySummary(ctx.output, result.plan, result.counts, flags.forGroup);
      }),
    );
  return command;
}
