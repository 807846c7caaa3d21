import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { MachineInfo } from './machine-info';
import type { ScenarioResult } from './result.types';

export interface BenchReport {
  readonly machine: MachineInfo;
  readonly updatedAt: string;
  /** By scenario id; each carries the command and profile it was measured with. */
  readonly scenarios: Readonly<Record<string, ScenarioResult>>;
}

/**
 * benchmarks.json keeps the latest result of every scenario, so `--only S6` replaces S6 and
 * leaves the others (each still labelled with the command that produced it).
 */
export function mergeReport(path: string, machine: MachineInfo, results: readonly ScenarioResult[]): BenchReport {
  const previous: Partial<BenchReport> = existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as BenchReport) : {};
  const scenarios: Record<string, ScenarioResult> = { ...(previous.scenarios ?? {}) };
  for (const result of results) scenarios[result.id] = result;
  return { machine, updatedAt: new Date().toISOString(), scenarios };
}

export function writeReport(path: string, report: BenchReport): void {
  writeFileSync(path, `${JSON.stringify(report, null, 2)}\n`);
}
