import { InvalidArgumentError } from 'commander';

/**
 * A consumer group id given as a flag value (`--group`, `--for-group`). Kafka takes any
 * non-empty string and compares ids exactly, so surrounding spaces would name a group nobody
 * runs; both are usage errors (exit 2) rather than a redrive that reaches no one.
 */
export function groupIdArgument(value: string): string {
  if (value === '') throw new InvalidArgumentError('expected a consumer group id, e.g. notifications-worker');
  if (value.trim() !== value) throw new InvalidArgumentError(`"${value}" has leading or trailing spaces; group ids are compared exactly`);
  return value;
}
