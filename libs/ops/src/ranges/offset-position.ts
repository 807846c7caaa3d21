import { badArgument } from '../errors/ops.error';

/**
 * Where a read starts or ends, as the operator asked for it. Time positions
 * are turned into offsets by the broker (ListOffsets by timestamp) before planning; offset
 * positions stay `bigint` because Kafka offsets are int64 and a JS number is not.
 */
export type OffsetPosition =
  | { readonly kind: 'earliest' }
  | { readonly kind: 'latest' }
  | { readonly kind: 'offset'; readonly offset: bigint }
  | { readonly kind: 'time'; readonly at: number };

/** An offset given as text ("42"): a whole number, read as bigint. `field` names the parameter in the error. */
export function parseOffset(text: string, field: string): bigint {
  if (!/^\d+$/.test(text.trim())) throw badArgument(`${field} "${text}" is not an offset (a whole number ≥ 0)`, field);
  return BigInt(text.trim());
}

/** "0,2": distinct partition numbers in the order given. */
export function parsePartitionList(text: string, field = 'partition'): number[] {
  const parts = text.split(',').map((p) => p.trim());
  if (parts.some((p) => !/^\d+$/.test(p))) throw badArgument(`${field} "${text}" is not a comma-separated list of partition numbers`, field);
  return [...new Set(parts.map(Number))];
}

/** A short label for tables and errors: "earliest", "offset 42", "2025-05-01T10:00:00.000Z". */
export function describePosition(position: OffsetPosition): string {
  switch (position.kind) {
    case 'earliest':
    case 'latest':
      return position.kind;
    case 'offset':
      return `offset ${position.offset}`;
    case 'time':
      return new Date(position.at).toISOString();
  }
}
