/** How big and how often: `quick` checks the suite works (< 3 min), `full` is what the report is quoted from. */
export interface Profile {
  readonly name: 'quick' | 'full';
  readonly reps: number;
  readonly s6: { readonly records: number; readonly keyCounts: readonly number[]; readonly handlerMs: number; readonly partitionConcurrency: number };
  readonly s3: { readonly records: number };
  readonly s0: { readonly records: number };
  readonly s1: { readonly measureMs: number };
  readonly memory: { readonly records: number };
  /** Dead letters held by S9's topic (the console's pages must not cost what the topic holds). */
  readonly s9: { readonly deadLetters: number };
}

export const PROFILES: Readonly<Record<Profile['name'], Profile>> = {
  quick: {
    name: 'quick',
    reps: 2,
    // Partition order at 5 ms a record takes ~5.5 s per 1,000 records, and runs at every key
    // count: that, not key order, is what bounds the backlog here.
    s6: { records: 1_000, keyCounts: [1, 4, 16, 64, 256], handlerMs: 5, partitionConcurrency: 64 },
    s3: { records: 50_000 },
    s0: { records: 200_000 },
    s1: { measureMs: 400 },
    memory: { records: 100_000 },
    s9: { deadLetters: 100_000 },
  },
  full: {
    name: 'full',
    reps: 5,
    // 4,000, not 10,000: 25 partition-order runs at ~5.5 ms a record are 9 minutes already.
    s6: { records: 4_000, keyCounts: [1, 4, 16, 64, 256], handlerMs: 5, partitionConcurrency: 64 },
    s3: { records: 500_000 },
    s0: { records: 1_000_000 },
    s1: { measureMs: 1_500 },
    memory: { records: 1_000_000 },
    s9: { deadLetters: 1_000_000 },
  },
};
