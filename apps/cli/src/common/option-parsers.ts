import { InvalidArgumentError } from 'commander';

/** Commander argument parsers; commander turns the thrown message into its usage error (exit 2). */
export function positiveInt(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n) || n <= 0) throw new InvalidArgumentError('expected a whole number > 0');
  return n;
}

export function signedWhole(value: string): string {
  if (!/^[+-]?\d+$/.test(value)) throw new InvalidArgumentError('expected a whole number, e.g. -100 or 50');
  return value;
}
