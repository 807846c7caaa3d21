import type { Profile } from '../profile';

/**
 * S2's sizes per profile. Kept beside the scenario rather than in profile.ts so the scenario
 * can be added (and tuned) without touching the file every other scenario shares.
 */
export const S2_SETTINGS: Readonly<Record<Profile['name'], { readonly records: number; readonly warmupRecords: number }>> = {
  quick: { records: 50_000, warmupRecords: 20_000 },
  full: { records: 500_000, warmupRecords: 50_000 },
};
