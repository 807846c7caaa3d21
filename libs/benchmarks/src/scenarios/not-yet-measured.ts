import type { ScenarioResult } from '../report/result.types';

const pending = (id: string, title: string, why: string): ScenarioResult => ({
  id,
  title,
  profile: '—',
  command: '—',
  finishedAt: '—',
  method: '',
  runs: [],
  tables: [],
  targets: [],
  notes: [],
  notMeasured: why,
});

/** Issue 9 scenarios that have no implementation yet: shown in the report as such, never with made-up figures. */
export const NOT_YET_MEASURED: readonly ScenarioResult[] = [
  pending('S5', 'Replay throughput (`eventline replay`)', 'Needs the CLI (`apps/cli`), which was being built at the same time; no scenario file yet.'),
  pending('S7', 'Rebalance (time to resume, records redone)', 'Not implemented in this iteration of the suite; no scenario file yet.'),
];
