import type { Profile } from '../profile';

export interface S4Settings {
  /** Rates every run measures, events per second. */
  readonly fixedRates: readonly number[];
  /** Further rates as fractions of the publisher's maximum, measured by a probe at the start of S4. */
  readonly maxFractions: readonly number[];
  /** How long each rate is held, seconds (bounded: rate × seconds events per run). */
  readonly seconds: number;
  /** Records the probe publishes (S2's method: publishMany of 1,000, one call at a time). */
  readonly probeRecords: number;
}

/** S4's sizes per profile, beside the scenario (see s2-producer.settings.ts). */
export const S4_SETTINGS: Readonly<Record<Profile['name'], S4Settings>> = {
  quick: { fixedRates: [500, 2_000], maxFractions: [0.5, 0.8], seconds: 3, probeRecords: 20_000 },
  full: { fixedRates: [500, 2_000], maxFractions: [0.5, 0.8], seconds: 10, probeRecords: 100_000 },
};
