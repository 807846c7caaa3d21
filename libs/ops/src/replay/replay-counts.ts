/** What a replay copied, left out and found already copied; numbers of records, not offsets. */
export interface ReplayCounts {
  copied: number;
  filteredOut: number;
  alreadyCopied: number;
  byPartition: Map<number, number>;
  elapsedMs?: number;
  /** Stopped by its signal before the range was done: the same replay id copies the rest. */
  interrupted?: boolean;
}

/** What a dry run with a filter would copy: counted by reading, or not counted above a bound. */
export type ReplayMatching = { readonly records: number } | { readonly skippedAbove: bigint };
