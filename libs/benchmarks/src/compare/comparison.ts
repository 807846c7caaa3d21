import { summarize, type Summary } from '../support/stats';
import { Better, Metric, type ComparisonRow, type ComparisonRun, type RowSpec } from './comparison.types';

/**
 * current / baseline per repetition. Only repetitions where both arms produced a figure count:
 * the two ran back to back on the same broker, so their ratio cancels whatever the machine was
 * doing at that moment, which the ratio of two medians over the whole invocation does not.
 */
export function pairRatios(baseline: ReadonlyMap<number, number>, current: ReadonlyMap<number, number>): number[] {
  const ratios: number[] = [];
  for (const [rep, base] of [...baseline].sort(([a], [b]) => a - b)) {
    const cur = current.get(rep);
    if (cur !== undefined && base > 0) ratios.push(cur / base);
  }
  return ratios;
}

/** Largest distance of one ratio from their median, in percent of the median. */
export function noisePercent(ratios: Summary): number {
  if (ratios.median === 0) return 0;
  return (Math.max(ratios.max - ratios.median, ratios.median - ratios.min) / ratios.median) * 100;
}

/**
 * The 25th and 75th percentiles (linear between the two nearest values, as R's type 7 and
 * numpy's default): the middle half of the pairs, which one repetition hit by a load spike on
 * a shared machine does not move, unlike min and max.
 */
export function quartiles(values: readonly number[]): { readonly q1: number; readonly q3: number } {
  if (values.length === 0) throw new RangeError('quartiles of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) => {
    const h = (sorted.length - 1) * p;
    const lo = Math.floor(h);
    return sorted[lo] + (h - lo) * ((sorted[Math.ceil(h)] ?? sorted[lo]) - sorted[lo]);
  };
  return { q1: at(0.25), q3: at(0.75) };
}

/**
 * Whether the median of the paired ratios passes the bound, and whether the middle half of
 * the pairs (both quartiles) agrees with that verdict: when a quartile lands on the other
 * side, the bound is inside the noise and more repetitions or a quieter machine are needed.
 */
export function verdict(ratios: { readonly median: number; readonly q1: number; readonly q3: number }, better: Better, bound: number): { met: boolean; conclusive: boolean } {
  const passes = (ratio: number) => (better === Better.Higher ? ratio >= bound : ratio <= bound);
  const met = passes(ratios.median);
  return { met, conclusive: passes(ratios.q1) === met && passes(ratios.q3) === met };
}

/** The number a row compares for one run; undefined when the run lacks it (no CPU measured). */
export function metricOf(run: ComparisonRun, metric: Metric = Metric.Value): number | undefined {
  if (metric === Metric.Value) return run.value;
  const cpu = run.cpu;
  return cpu && cpu.nodeCpuSeconds > 0 ? (run.value * cpu.wallSeconds) / cpu.nodeCpuSeconds : undefined;
}

function valuesByRep(runs: readonly ComparisonRun[], spec: RowSpec, arm: string): Map<number, number> {
  const values = new Map<number, number>();
  for (const r of runs) {
    if (r.scenario !== spec.scenario || r.arm !== arm || r.case !== spec.case) continue;
    const value = metricOf(r, spec.metric);
    if (value !== undefined) values.set(r.rep, value);
  }
  return values;
}

/** One row of the before/after table from the runs of its two arms. */
export function compareRow(spec: RowSpec, runs: readonly ComparisonRun[], notApplicable?: string): ComparisonRow {
  const runUnit = runs.find((r) => r.scenario === spec.scenario && r.case === spec.case)?.unit ?? '';
  const unit = spec.metric === Metric.PerCpuSecond ? 'records per CPU-second' : runUnit;
  const base = valuesByRep(runs, spec, spec.baselineArm);
  const cur = valuesByRep(runs, spec, spec.currentArm);
  const summary = (values: Map<number, number>) => (values.size > 0 ? summarize([...values.values()]) : undefined);
  const ratios = pairRatios(base, cur);
  if (notApplicable !== undefined || ratios.length === 0) {
    return { ...spec, unit, baseline: summary(base), current: summary(cur), met: null, conclusive: false, notApplicable };
  }
  const pairRatio = summarize(ratios);
  const pairQuartiles = quartiles(ratios);
  return {
    ...spec,
    unit,
    baseline: summary(base),
    current: summary(cur),
    pairRatio,
    pairQuartiles,
    noisePercent: noisePercent(pairRatio),
    ...verdict({ median: pairRatio.median, ...pairQuartiles }, spec.better, spec.bound),
  };
}
