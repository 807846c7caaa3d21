import type { Profile } from '../profile';

/** S5's sizes per profile (beside the scenario, so adding it did not touch the shared profile.ts). */
export const S5_SETTINGS: Readonly<Record<Profile['name'], { readonly records: number }>> = {
  // Records copied per run; the source holds twice as many (the first half is skipped).
  quick: { records: 20_000 },
  full: { records: 300_000 },
};
