import { Command } from 'commander';
import { type DlqSelection, listDeadLetters, newRunId, runRedrive, showDeadLetters } from '@eventline/ops';
import { badArgument } from '../common/cli.error';
import { withContext } from '../common/command-action';
import { positiveInt } from '../common/option-parsers';
import { addEndOptions, addStartOptions, endPosition, selectedPartitions, startPosition, type PositionFlags } from '../common/position-flags';
import { groupIdArgument } from '../groups/group-id.parser';
import { progressFor } from '../common/progress.reporter';
import { printDeadLetter, printDeadLetterList } from './dlq-inspect.report';
import { printRedriveResult } from './redrive-report';

interface SelectionFlags extends PositionFlags {
  readonly errorCode?: string;
  readonly key?: string;
  readonly type?: string;
  /** Redrive only: the recorded consumer group to select. */
  readonly group?: string;
}

interface RedriveFlags extends SelectionFlags {
  readonly toTopic?: string;
  readonly execute?: boolean;
  readonly force?: boolean;
  readonly allGroups?: boolean;
}

function withSelectionOptions(command: Command): Command {
  addStartOptions(command, 'select dead letters');
  return addEndOptions(command, 'select dead letters')
    .option('--error-code <code>', 'only dead letters with this eventline-dlq-error-code, e.g. CODEC_BAD_MAGIC_BYTE')
    .option('--key <key>', 'only dead letters with this key')
    .option('--type <ce_type>', 'only dead letters whose ce_type header is this event type');
}

function selection(dlqTopic: string, flags: SelectionFlags, now: number): DlqSelection {
  return {
    dlqTopic,
    // Times select by when the record reached the DLQ (its Kafka timestamp), resolved to DLQ offsets.
    from: startPosition(flags, now, { kind: 'earliest' }),
    to: endPosition(flags, now),
    partitions: selectedPartitions(flags),
    filter: { key: flags.key, type: flags.type },
    errorCode: flags.errorCode,
    consumerGroup: flags.group,
  };
}

export function dlqCommand(): Command {
  const dlq = new Command('dlq').description('inspect dead-letter topics and send dead letters back (redrive)');

  withSelectionOptions(
    dlq
      .command('list')
      .description('dead letters counted by error code, source topic and source partition')
      .argument('<dlq-topic>'),
  )
    .addHelpText(
      'after',
      `
Examples:
  eventline dlq list orders.dlq
  eventline dlq list orders.dlq --from-time 1d --json`,
    )
    .action((topic: string, flags: SelectionFlags, cmd: Command) =>
      withContext(cmd, async (ctx) => printDeadLetterList(ctx.output, await listDeadLetters(ctx.ops, selection(topic, flags, ctx.now())))),
    );

  withSelectionOptions(
    dlq
      .command('show')
      .description('dead letters one by one: where they came from, the error, and the value decoded through the registry')
      .argument('<dlq-topic>'),
  )
    .option('--max <n>', 'show at most n dead letters', positiveInt)
    .option('--raw', 'do not decode values (no registry needed)')
    .addHelpText(
      'after',
      `
Values that are not decodable Avro (often the very reason they were dead-lettered) are
shown as base64 with the decode error. --json prints one JSON line per dead letter with a
"deadLetter" object holding the parsed eventline-dlq-* headers.

Examples:
  eventline dlq show orders.dlq --max 10
  eventline dlq show orders.dlq --error-code HANDLER_TIMEOUT --from-time 2h
  eventline dlq show orders.dlq --partition 2 --from-offset 40 --to-offset 45 --json`,
    )
    .action((topic: string, flags: SelectionFlags & { max?: number; raw?: boolean }, cmd: Command) =>
      withContext(cmd, async (ctx) => {
        const { shown } = await showDeadLetters(ctx.ops, selection(topic, flags, ctx.now()), { max: flags.max, raw: flags.raw === true }, (view) =>
          printDeadLetter(ctx.output, view),
        );
        if (!ctx.output.json && shown === 0) ctx.output.line('(no dead letters match)');
      }),
    );

  withSelectionOptions(
    dlq
      .command('redrive')
      .description(
        'send dead letters back to their source topic and partition (from their headers), or to --to-topic, each for the consumer group that failed it; dry run unless --execute',
      )
      .argument('<dlq-topic>'),
  )
    .option('--group <id>', 'only dead letters of this consumer group (eventline-dlq-consumer-group); they are sent for it alone', groupIdArgument)
    .option('--all-groups', 'send them without naming a group: every group reading the destination processes them again')
    .option('--to-topic <topic>', 'send here instead of the source topic (placed by key)')
    .option('--execute', 'send (without it, only print what would be sent where, for which group)')
    .option('--force', 'also send dead letters an earlier redrive already sent')
    .addHelpText(
      'after',
      `
A redriven record is the original: key, value bytes and headers, minus the eventline-dlq-*
headers, plus eventline-redrive-id/-dlq-topic/-dlq-partition/-dlq-offset. Each one sent is
remembered in the compacted topic <dlq-topic>.redriven (created on first --execute), so a
second redrive skips them unless --force. Records are acknowledged (acks=all, every partition
checked) before they are remembered.

For which group: a DLQ such as orders.dlq holds the dead letters of every group reading
orders, and every group would read a redriven record there again. So each one is sent with
the header eventline-redrive-for-group naming the group its dead letter recorded; the
Eventline consumers of every other group skip it (commit past it without a handler, counted
as eventline_records_skipped_total{reason="redrive-for-other-group"}). Dead letters of
several groups go out in one run, each for its own group. --group <id> sends only that
group's. --all-groups names no group (every group processes them, as before this header
existed); dead letters that recorded no group are skipped unless --all-groups.

Examples:
  eventline dlq redrive orders.dlq                                   # dry run: what goes where, for which group
  eventline dlq redrive orders.dlq --group notifications-worker --execute
  eventline dlq redrive orders.dlq --error-code HANDLER_TIMEOUT --execute
  eventline dlq redrive orders.dlq --from-time 2025-06-01T08:00:00Z --to-time 2025-06-01T09:00:00Z --execute
  eventline dlq redrive orders.dlq --to-topic orders.quarantine --all-groups --execute`,
    )
    .action((topic: string, flags: RedriveFlags, cmd: Command) =>
      withContext(cmd, async (ctx, signal) => {
        if (flags.group !== undefined && flags.allGroups === true) throw badArgument('choose one of --group, --all-groups');
        const execute = flags.execute === true;
        const result = await runRedrive(ctx.ops, {
          selection: selection(topic, flags, ctx.now()),
          toTopic: flags.toTopic,
          execute,
          force: flags.force === true,
          allGroups: flags.allGroups === true,
          redriveId: newRunId('redrive', ctx.now()),
          signal,
          // A dry run reads without sending; a bar would only say how fast it reads.
          progress: progressFor(`redrive ${topic}`, { json: ctx.output.json || !execute }),
        });
        printRedriveResult(ctx.output, result);
      }),
    );
  return dlq;
}
