import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { ComparisonReport } from '../compare/comparison.types';
import type { MachineInfo } from './machine-info';
import type { ScenarioResult } from './result.types';

export interface BenchReport {
  /** The machine of the last invocation that measured a scenario (a comparison keeps its own). */
  readonly machine: MachineInfo;
  readonly updatedAt: string;
  /** By scenario id; each carries the command and profile it was measured with. */
  readonly scenarios: Readonly<Record<string, ScenarioResult>>;
  /** Before/after comparisons (`--compare-with`) by label; each carries its command, trees and machine. */
  readonly comparisons?: Readonly<Record<string, ComparisonReport>>;
}

/**
 * benchmarks.json keeps the latest result of every scenario, so `--only S6` replaces S6 and
 * leaves the others (each still labelled with the command that produced it), and the latest
 * comparison of every label, so a suite run keeps the before/after and the other way round.
 */
export function mergeReport(path: string, machine: MachineInfo, results: readonly ScenarioResult[], comparison?: ComparisonReport): BenchReport {
  const previous: Partial<BenchReport> = existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as BenchReport) : {};
  const scenarios: Record<string, ScenarioResult> = { ...(previous.scenarios ?? {}) };
  for (const result of results) scenarios[result.id] = result;
  const comparisons: Record<string, ComparisonReport> = { ...(previous.comparisons ?? {}) };
  if (comparison) comparisons[comparison.label] = comparison;
  // The Machine table describes the scenario figures: an invocation that measured none leaves it.
  const shownMachine = results.length === 0 && previous.machine ? previous.machine : machine;
  return { machine: shownMachine, updatedAt: new Date().toISOString(), scenarios, ...(Object.keys(comparisons).length > 0 ? { comparisons } : {}) };
}

export function writeReport(path: string, report: BenchReport): void {
  writeFileSync(path, `${JSON.stringify(report, null, 2)}\n`);
}
