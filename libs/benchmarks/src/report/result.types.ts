import type { CpuUsage } from '../support/cpu-meter';

/** One measured run of one peer: what the suite prints as it goes and keeps in benchmarks.json. */
export interface RunFigure {
  readonly peer: string;
  /** The case within the scenario, e.g. `keys=64`; empty when the scenario has one case. */
  readonly case: string;
  readonly rep: number;
  readonly value: number;
  readonly unit: string;
  readonly cpu?: CpuUsage;
  readonly extra?: Readonly<Record<string, number | string>>;
}

/** A target from issue 9, checked against a measured figure. */
export interface TargetCheck {
  readonly name: string;
  readonly target: string;
  readonly measured: string;
  /** null: could not be checked in this run (peer skipped, case not run). */
  readonly met: boolean | null;
  /** How far above (or short of) the target the figure is. */
  readonly margin: string;
}

export interface MarkdownTable {
  readonly caption?: string;
  readonly header: readonly string[];
  readonly rows: ReadonlyArray<readonly string[]>;
}

/** A consumer or producer throughput to show as a fraction of Kafka's own tools (S0). */
export interface CeilingComparable {
  readonly label: string;
  readonly kind: 'produce' | 'consume';
  readonly recordsPerSecond: number;
}

export interface ScenarioResult {
  readonly id: string;
  readonly title: string;
  readonly profile: string;
  readonly command: string;
  readonly finishedAt: string;
  /** What the scenario measures and how, in a few sentences for the report. */
  readonly method: string;
  readonly runs: readonly RunFigure[];
  readonly tables: readonly MarkdownTable[];
  readonly targets: readonly TargetCheck[];
  readonly notes: readonly string[];
  readonly ceilingComparables?: readonly CeilingComparable[];
  /** Set when the scenario could not be measured; the report shows the reason instead of figures. */
  readonly notMeasured?: string;
}
