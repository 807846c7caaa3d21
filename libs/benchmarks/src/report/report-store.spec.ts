import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ComparisonReport } from '../compare/comparison.types';
import type { MachineInfo } from './machine-info';
import { mergeReport, writeReport, type BenchReport } from './report-store';
import type { ScenarioResult } from './result.types';

const machine = (loadAverage1m: number): MachineInfo => ({ cpus: 2, cpuModel: 'test', memoryGiB: 1, freeMemoryGiB: 1, node: 'v20', kafka: '4.1.1', kafkajs: '2.2.4', loadAverage1m, brokers: 'b:1' });
const scenario = (id: string, command: string): ScenarioResult => ({ id, title: id, profile: 'quick', command, finishedAt: 't', method: '', runs: [], tables: [], targets: [], notes: [] });
const comparison = (label: string, command: string) => ({ label, command }) as unknown as ComparisonReport;

describe('mergeReport', () => {
  let dir: string;
  let path: string;
  const previous: BenchReport = {
    machine: machine(1),
    updatedAt: 't0',
    scenarios: { S3: scenario('S3', 'old S3'), S6: scenario('S6', 'old S6') },
    comparisons: { 'issue 13': comparison('issue 13', 'old compare') },
  };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'bench-report-'));
    path = join(dir, 'benchmarks.json');
    writeReport(path, previous);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it.each([
    ['a suite run replaces its scenarios and keeps the comparisons', [scenario('S3', 'new S3')], undefined, { S3: 'new S3', S6: 'old S6' }, { 'issue 13': 'old compare' }, 2],
    ['a comparison replaces the one of its label and keeps the scenarios', [], comparison('issue 13', 'new compare'), { S3: 'old S3', S6: 'old S6' }, { 'issue 13': 'new compare' }, 1],
    ['a comparison of another label is kept beside', [], comparison('noise floor', 'A/A'), { S3: 'old S3', S6: 'old S6' }, { 'issue 13': 'old compare', 'noise floor': 'A/A' }, 1],
  ])('%s', (_name, results, added, scenarios, comparisons, load) => {
    const merged = mergeReport(path, machine(2), results, added);
    expect(Object.fromEntries(Object.entries(merged.scenarios).map(([id, s]) => [id, s.command]))).toEqual(scenarios);
    expect(Object.fromEntries(Object.entries(merged.comparisons ?? {}).map(([label, c]) => [label, c.command]))).toEqual(comparisons);
    // The Machine table describes the scenario figures: only a run that measured some replaces it.
    expect(merged.machine.loadAverage1m).toBe(load);
  });

  it('starts from nothing when there is no report yet', () => {
    const merged = mergeReport(join(dir, 'absent.json'), machine(3), [scenario('S2', 'S2')]);
    expect(Object.keys(merged.scenarios)).toEqual(['S2']);
    expect(merged.comparisons).toBeUndefined();
    expect(merged.machine.loadAverage1m).toBe(3);
  });
});
