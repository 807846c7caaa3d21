import type { MachineInfo } from '../report/machine-info';
import type { CpuUsage } from '../support/cpu-meter';
import type { Summary } from '../support/stats';

/** Which tree a run measured: the baseline git ref's worktree, or the working tree the command ran in. */
export const Tree = { Baseline: 'baseline', Current: 'current' } as const;
export type Tree = (typeof Tree)[keyof typeof Tree];

/**
 * One measured run of one arm. An arm is a tree plus a variant of the scenario: S3 has three
 * (baseline, current, current with one no-op interceptor), the others two.
 */
export interface ComparisonRun {
  readonly scenario: string;
  readonly arm: string;
  readonly tree: Tree;
  /** The case within the scenario (`key order, keys=64`); empty when it has one. */
  readonly case: string;
  readonly rep: number;
  /** Position in the repetition (1 = ran first): the alternation, visible per run. */
  readonly position: number;
  readonly value: number;
  readonly unit: string;
  readonly cpu?: CpuUsage;
  readonly extra?: Readonly<Record<string, number | string>>;
}

/** Higher throughput is better; lower peak RSS is. Decides which side of the bound passes. */
export const Better = { Higher: 'higher', Lower: 'lower' } as const;
export type Better = (typeof Better)[keyof typeof Better];

/**
 * Which number of a run a row compares. `value` is the run's own figure (rec/s, MiB);
 * `perCpuSecond` is records per CPU-second of the measuring process (value × window ÷ CPU),
 * which a busy machine moves much less than wall-clock throughput: other processes stretch
 * the window, not the CPU time a record costs.
 */
export const Metric = { Value: 'value', PerCpuSecond: 'perCpuSecond' } as const;
export type Metric = (typeof Metric)[keyof typeof Metric];

/** What one row of the before/after table compares, and the bound the issue sets for it. */
export interface RowSpec {
  readonly scenario: string;
  readonly figure: string;
  readonly case: string;
  readonly baselineArm: string;
  readonly currentArm: string;
  /** Default Metric.Value. */
  readonly metric?: Metric;
  readonly better: Better;
  /** current / baseline must be ≥ this (Higher) or ≤ this (Lower). */
  readonly bound: number;
}

export interface ComparisonRow extends RowSpec {
  readonly unit: string;
  readonly baseline?: Summary;
  readonly current?: Summary;
  /** current / baseline within each repetition (the two ran back to back), summarized. */
  readonly pairRatio?: Summary;
  /** The 25th and 75th percentiles of those ratios: the middle half of the pairs. */
  readonly pairQuartiles?: { readonly q1: number; readonly q3: number };
  /** Largest distance of one repetition's ratio from their median, in percent: the noise floor of this row. */
  readonly noisePercent?: number;
  /** null: nothing to compare (an arm did not run, or is not applicable on its tree). */
  readonly met: boolean | null;
  /** false when a quartile of the ratios falls on the other side of the bound: the verdict is within the noise. */
  readonly conclusive: boolean;
  /** Why the row has no figures, e.g. the runtime does not support the variant. */
  readonly notApplicable?: string;
}

/** A yes/no condition beside the ratios (S6: per-key order violations). */
export interface ComparisonCheck {
  readonly name: string;
  readonly required: string;
  readonly measured: string;
  readonly met: boolean | null;
}

export interface TreeDescription {
  readonly ref: string;
  readonly sha: string;
  readonly root: string;
}

/** The before/after result of one `--compare-with` invocation, as benchmarks.json keeps it. */
export interface ComparisonReport {
  readonly label: string;
  readonly command: string;
  readonly profile: string;
  readonly finishedAt: string;
  readonly machine: MachineInfo;
  readonly baseline: TreeDescription;
  /** The working tree: its HEAD, whether it had changes, and what differs from the baseline. */
  readonly current: TreeDescription & { readonly dirty: boolean; readonly changedSinceBaseline: readonly string[] };
  readonly method: string;
  readonly rows: readonly ComparisonRow[];
  readonly checks: readonly ComparisonCheck[];
  readonly runs: readonly ComparisonRun[];
  readonly notes: readonly string[];
}
