import type { Profile } from '../profile';

/** How big and how often each compared scenario runs, per tree and repetition. */
export interface CompareSizes {
  readonly s2: { readonly reps: number; readonly records: number; readonly warmupRecords: number };
  readonly s3: { readonly reps: number; readonly records: number; readonly warmupRecords: number };
  readonly s6: { readonly reps: number; readonly records: number; readonly keyCounts: readonly number[]; readonly handlerMs: number; readonly partitionConcurrency: number };
  readonly mem: { readonly reps: number; readonly records: number };
}

/**
 * Sizes for `--compare-with`, kept apart from the suite's PROFILES: a comparison measures only
 * Eventline's own arm in each tree, so it can afford more repetitions of it, and the bounds it
 * checks (3 %) need them. `quick` checks that the harness works; `full` is what issue 13's
 * figures are quoted from. Odd repetition counts make the median a measured pair.
 */
export const COMPARE_SIZES: Readonly<Record<Profile['name'], CompareSizes>> = {
  quick: {
    s2: { reps: 3, records: 20_000, warmupRecords: 10_000 },
    s3: { reps: 3, records: 30_000, warmupRecords: 10_000 },
    s6: { reps: 2, records: 500, keyCounts: [1, 64], handlerMs: 5, partitionConcurrency: 64 },
    mem: { reps: 3, records: 50_000 },
  },
  full: {
    s2: { reps: 9, records: 300_000, warmupRecords: 50_000 },
    s3: { reps: 9, records: 500_000, warmupRecords: 50_000 },
    // The S6 key counts of the suite; 2,000 records keep the partition-order runs (~5.5 ms a
    // record, sleep-bound, hence quiet) at ~11 s each. Key order at 64+ keys drains them in
    // ~0.17 s, where one scheduling hiccup costs a pair 10-40 %: 7 repetitions so the median
    // and the quartiles stand on enough pairs (~22 min for both trees).
    s6: { reps: 7, records: 2_000, keyCounts: [1, 4, 16, 64, 256], handlerMs: 5, partitionConcurrency: 64 },
    mem: { reps: 5, records: 1_000_000 },
  },
};

/** The profile's sizes, every repetition count replaced by `repetitions` when given. */
export function compareSizes(profile: Profile['name'], repetitions?: number): CompareSizes {
  const sizes = COMPARE_SIZES[profile];
  if (repetitions === undefined) return sizes;
  return {
    s2: { ...sizes.s2, reps: repetitions },
    s3: { ...sizes.s3, reps: repetitions },
    s6: { ...sizes.s6, reps: repetitions },
    mem: { ...sizes.mem, reps: repetitions },
  };
}
