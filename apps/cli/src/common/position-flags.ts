import type { Command } from 'commander';
import { badArgument } from './cli.error';
import { parseOffset, parsePartitionList, parseTimeSpec, type OffsetPosition } from '@eventline/ops';

export interface PositionFlags {
  readonly fromBeginning?: boolean;
  readonly fromOffset?: string;
  readonly fromTime?: string;
  readonly toOffset?: string;
  readonly toTime?: string;
  readonly partition?: string;
}

export function addStartOptions(command: Command, what = 'read'): Command {
  return command
    .option('--from-beginning', `${what} from each partition's earliest offset`)
    .option('--from-offset <offset>', `${what} from this offset (in every selected partition; combine with --partition)`)
    .option('--from-time <time>', `${what} from the first record at or after this time: ISO 8601 (UTC if no zone) or a duration ago (10m, 2h, 1d)`)
    .option('--partition <list>', 'only these partitions, e.g. 0 or 0,3');
}

export function addEndOptions(command: Command, what = 'read'): Command {
  return command
    .option('--to-offset <offset>', `${what} up to and including this offset`)
    .option('--to-time <time>', `${what} only records before this time (same formats as --from-time)`);
}

/** The one `--from-*` given, or `fallback`; two of them is a usage error rather than a silent pick. */
export function startPosition(flags: PositionFlags, now: number, fallback: OffsetPosition): OffsetPosition {
  const given = [flags.fromBeginning ? '--from-beginning' : '', flags.fromOffset !== undefined ? '--from-offset' : '', flags.fromTime !== undefined ? '--from-time' : ''].filter(Boolean);
  if (given.length > 1) throw badArgument(`choose one of ${given.join(', ')}`);
  if (flags.fromBeginning) return { kind: 'earliest' };
  if (flags.fromOffset !== undefined) return { kind: 'offset', offset: parseOffset(flags.fromOffset, 'fromOffset') };
  if (flags.fromTime !== undefined) return { kind: 'time', at: parseTimeSpec(flags.fromTime, now, 'fromTime') };
  return fallback;
}

/** The `--to-*` given, or the latest offset captured now (the range is fixed before reading). */
export function endPosition(flags: PositionFlags, now: number): OffsetPosition {
  if (flags.toOffset !== undefined && flags.toTime !== undefined) throw badArgument('choose one of --to-offset, --to-time');
  if (flags.toOffset !== undefined) return { kind: 'offset', offset: parseOffset(flags.toOffset, 'toOffset') };
  if (flags.toTime !== undefined) return { kind: 'time', at: parseTimeSpec(flags.toTime, now, 'toTime') };
  return { kind: 'latest' };
}

export function selectedPartitions(flags: PositionFlags): number[] | undefined {
  return flags.partition === undefined ? undefined : parsePartitionList(flags.partition);
}
