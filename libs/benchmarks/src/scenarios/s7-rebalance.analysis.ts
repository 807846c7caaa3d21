/**
 * S7's figures from the members' processing lines: who owned a partition before and after a
 * membership change, how long each partition went without a processed record, what was
 * processed twice and what was never processed. Pure functions over timestamps, so the rules
 * are specified in s7-rebalance.analysis.spec.ts.
 */

/** One handler call as a member printed it. */
export interface Processed {
  readonly member: string;
  /** Epoch ms (fractional), the member's clock — the same machine's as the suite's. */
  readonly at: number;
  readonly partition: number;
  readonly offset: string;
  readonly id: string;
}

export interface PhaseFigures {
  /** Same member before and after the change. */
  readonly unmoved: number[];
  readonly moved: number[];
  /** Longest stretch without a processed record, from `lookbackMs` before the change to the phase end; undefined when the set is empty. */
  readonly longestGapUnmovedMs?: number;
  readonly longestGapMovedMs?: number;
}

/** Who processed the partition last within [from, before); undefined when nobody did. */
function lastOwner(records: readonly Processed[], partition: number, before: number, from = Number.NEGATIVE_INFINITY): string | undefined {
  let owner: Processed | undefined;
  for (const r of records) if (r.partition === partition && r.at >= from && r.at < before && (!owner || r.at > owner.at)) owner = r;
  return owner?.member;
}

/**
 * The longest interval between consecutive processings of `partition` within [from, to],
 * counting `from` and `to` themselves as ends: a partition that had not resumed by `to`
 * shows a gap up to `to`, never none.
 */
export function longestGap(records: readonly Processed[], partition: number, from: number, to: number): number {
  const times = records.filter((r) => r.partition === partition && r.at >= from && r.at <= to).map((r) => r.at);
  times.sort((a, b) => a - b);
  let previous = from;
  let longest = 0;
  for (const at of [...times, to]) {
    longest = Math.max(longest, at - previous);
    previous = at;
  }
  return longest;
}

/** Owners, moves and gaps of one membership change at `changeAt`, the phase lasting until `phaseEnd`. */
export function phaseFigures(records: readonly Processed[], partitions: number, changeAt: number, phaseEnd: number, lookbackMs = 1_000): PhaseFigures {
  const unmoved: number[] = [];
  const moved: number[] = [];
  for (let p = 0; p < partitions; p++) {
    const before = lastOwner(records, p, changeAt);
    // After the change only what was processed after it counts: a partition nobody took over moved.
    const after = lastOwner(records, p, phaseEnd, changeAt);
    (before !== undefined && before === after ? unmoved : moved).push(p);
  }
  const longest = (set: number[]) => (set.length === 0 ? undefined : Math.max(...set.map((p) => longestGap(records, p, changeAt - lookbackMs, phaseEnd))));
  return { unmoved, moved, longestGapUnmovedMs: longest(unmoved), longestGapMovedMs: longest(moved) };
}

/** Processings beyond the first of one partition and offset, counted when the repeat happened within [from, to). */
export function duplicatesWithin(records: readonly Processed[], from = Number.NEGATIVE_INFINITY, to = Number.POSITIVE_INFINITY): number {
  const seen = new Set<string>();
  let duplicates = 0;
  for (const r of [...records].sort((a, b) => a.at - b.at)) {
    const key = `${r.partition}:${r.offset}`;
    if (seen.has(key) && r.at >= from && r.at < to) duplicates++;
    seen.add(key);
  }
  return duplicates;
}

/** Acknowledged ids never processed by any member. */
export function lost(acknowledged: Iterable<string>, records: readonly Processed[]): number {
  const processed = new Set(records.map((r) => r.id));
  let missing = 0;
  for (const id of acknowledged) if (!processed.has(id)) missing++;
  return missing;
}
