import type { Profile } from '../profile';

/** S7's timing per profile (beside the scenario, so adding it did not touch the shared profile.ts). */
export interface S7Settings {
  /** Steady production rate over the whole run. */
  readonly ratePerSecond: number;
  /** Steady state before the first change, and after each change before the next. */
  readonly settleMs: number;
  /** The members' session timeout and heartbeat interval (as the reliability suite's members). */
  readonly sessionTimeoutMs: number;
  readonly heartbeatIntervalMs: number;
  /** Repetitions of the whole join → leave → kill sequence (the profile's reps would make full ~10 min). */
  readonly reps: number;
}

export const S7_SETTINGS: Readonly<Record<Profile['name'], S7Settings>> = {
  quick: { ratePerSecond: 1_000, settleMs: 3_000, sessionTimeoutMs: 6_000, heartbeatIntervalMs: 1_000, reps: 1 },
  full: { ratePerSecond: 1_000, settleMs: 5_000, sessionTimeoutMs: 6_000, heartbeatIntervalMs: 1_000, reps: 3 },
};
