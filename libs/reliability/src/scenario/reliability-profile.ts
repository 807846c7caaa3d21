/**
 * Two sizes of the same scenarios. `short` runs inside `npm test` (each file under a minute
 * on two cores); `long` (RELIABILITY_PROFILE=long) uses the figures of issue 8.
 */
export const ReliabilityProfile = { Short: 'short', Long: 'long' } as const;
export type ReliabilityProfile = (typeof ReliabilityProfile)[keyof typeof ReliabilityProfile];

export interface ProfileFigures {
  readonly profile: ReliabilityProfile;
  /** S1: consumer kill -9 during a stream. */
  readonly s1: { readonly events: number; readonly kills: number; readonly ratePerSec: number };
  /** S2: scale 1 → 3 → 1 under load, then random start/stop. */
  readonly s2: { readonly ratePerSec: number; readonly phaseMs: number; readonly chaosMs: number };
  /** S3: slow handlers. */
  readonly s3: { readonly events: number; readonly slowRecords: number };
  /** S4: broker failures on the three-node cluster; `pauseMs`: how long one broker is SIGSTOPped. */
  readonly s4: { readonly leaderKills: number; readonly ratePerSec: number; readonly pauseMs: number };
  /** Multiplies per-test timeouts. */
  readonly timeoutScale: number;
}

const SHORT: ProfileFigures = {
  profile: ReliabilityProfile.Short,
  s1: { events: 10_000, kills: 3, ratePerSec: 800 },
  s2: { ratePerSec: 300, phaseMs: 2_000, chaosMs: 20_000 },
  s3: { events: 300, slowRecords: 3 },
  s4: { leaderKills: 2, ratePerSec: 200, pauseMs: 10_000 },
  timeoutScale: 1,
};

const LONG: ProfileFigures = {
  profile: ReliabilityProfile.Long,
  s1: { events: 100_000, kills: 10, ratePerSec: 1_500 },
  s2: { ratePerSec: 500, phaseMs: 15_000, chaosMs: 120_000 },
  s3: { events: 3_000, slowRecords: 10 },
  s4: { leaderKills: 5, ratePerSec: 300, pauseMs: 30_000 },
  timeoutScale: 8,
};

/** The figures for RELIABILITY_PROFILE (unset or `short`, or `long`); anything else is refused. */
export function reliabilityProfile(env: NodeJS.ProcessEnv = process.env): ProfileFigures {
  const name = env.RELIABILITY_PROFILE ?? ReliabilityProfile.Short;
  if (name === ReliabilityProfile.Short) return SHORT;
  if (name === ReliabilityProfile.Long) return LONG;
  throw new Error(`RELIABILITY_PROFILE must be "short" or "long" (got "${name}")`);
}
