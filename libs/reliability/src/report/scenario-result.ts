import type { ValidationReport } from '../checker/validation-report';

/** One scenario's outcome as it goes into docs/reliability.json. */
export interface ScenarioResult {
  readonly id: string;
  readonly profile: string;
  readonly passed: boolean;
  /** ISO 8601. */
  readonly ranAt: string;
  readonly durationMs: number;
  readonly figures: ScenarioFigures;
  /** The checks that decided `passed`, each with what was measured. */
  readonly checks: ReadonlyArray<{ readonly check: string; readonly ok: boolean }>;
  readonly notes?: readonly string[];
}

export interface ScenarioFigures {
  readonly events: number;
  readonly acked: number;
  readonly lost: number;
  readonly duplicates: number;
  /** Undefined where the scenario has no per-key order to check. */
  readonly orderViolations?: number;
  /** From the last fault to the group being caught up (lag 0), when the scenario measures it. */
  readonly recoveryMs?: number;
  /** Scenario-specific counts (kills, rebalances, dead letters…). */
  readonly extra?: Readonly<Record<string, number | string>>;
}

/** The figures every validated scenario reports, read from its validation report. */
export function validatedFigures(report: Pick<ValidationReport, 'events' | 'acked' | 'lost' | 'duplicates' | 'orderViolations'>): ScenarioFigures {
  return { events: report.events, acked: report.acked, lost: report.lost, duplicates: report.duplicates, orderViolations: report.orderViolations };
}

/** A named check: evaluated, recorded, and only then asserted, so failures are reported with figures. */
export function check(name: string, ok: boolean): { check: string; ok: boolean } {
  return { check: name, ok };
}
