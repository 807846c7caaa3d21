import { Command } from 'commander';
import { withContext } from '../common/command-action';
import { positiveInt } from '../common/option-parsers';
import { addStartOptions, selectedPartitions, startPosition, type PositionFlags } from '../common/position-flags';
import { runTail } from './tail.runner';

interface TailFlags extends PositionFlags {
  readonly key?: string;
  readonly type?: string;
  readonly max?: number;
  readonly follow?: boolean;
  readonly raw?: boolean;
}

export function tailCommand(): Command {
  const command = new Command('tail')
    .description('print records as JSON lines (key, headers, partition, offset, timestamp, Avro value decoded through the registry)')
    .argument('<topic>');
  addStartOptions(command)
    .option('--key <key>', 'only records with this key')
    .option('--type <ce_type>', 'only records whose ce_type header is this event type')
    .option('--max <n>', 'stop after printing n records', positiveInt)
    .option('--follow', 'keep waiting for new records (Ctrl-C to stop) instead of stopping at the end offsets seen at start')
    .option('--raw', 'do not decode: print values as base64 (no registry needed)')
    .addHelpText(
      'after',
      `
Without --from-*, tail reads from the beginning, or with --follow only new records.
Without --follow it stops at the latest offsets captured when it started.
Values that are not Confluent-framed Avro, or whose schema id the registry does not know,
come out as "valueBase64" with a "decodeError" — never a crash. Longs print as strings.
Reading uses a throwaway consumer group (eventline-cli-<uuid>) that commits nothing and is
deleted at the end, so no real group's offsets move.

Examples:
  eventline tail orders --max 5
  eventline tail orders --from-time 10m --type dev.eventline.orders.OrderPaid
  eventline tail orders --partition 2 --from-offset 1200 --max 1
  eventline tail orders --follow --key 3f6c0c1e-…   # Ctrl-C to stop
  eventline tail orders --from-beginning | jq -c '{offset, type: .headers.ce_type, v: .value}'`,
    )
    .action((topic: string, flags: TailFlags, cmd: Command) =>
      withContext(cmd, (ctx, signal) =>
        runTail(
          ctx,
          {
            topic,
            from: startPosition(flags, ctx.now(), flags.follow ? { kind: 'latest' } : { kind: 'earliest' }),
            partitions: selectedPartitions(flags),
            filter: { key: flags.key, type: flags.type },
            max: flags.max,
            follow: flags.follow === true,
            raw: flags.raw === true,
          },
          signal,
        ),
        { endsOnInterrupt: flags.follow === true },
      ),
    );
  return command;
}
