import { SCENARIOS } from './scenario-catalog';
import type { ScenarioResult } from './scenario-result';

export interface ReliabilityReportFile {
  /** profile name -> scenario id -> latest result */
  readonly profiles: Readonly<Record<string, Readonly<Record<string, ScenarioResult>>>>;
}

const PROFILES = ['short', 'long'] as const;

/** `spec`: a file name under libs/reliability/test, or a workspace-relative path for scenarios that live with the apps they drive. */
export function scenarioCommand(spec: string, profile: string): string {
  const env = profile === 'long' ? 'RELIABILITY_PROFILE=long ' : '';
  const path = spec.includes('/') ? spec : `libs/reliability/test/${spec}`;
  return `${env}RELIABILITY_REPORT=1 NODE_OPTIONS=--experimental-vm-modules npx jest -c jest.config.cjs ${path}`;
}

const seconds = (ms: number | undefined) => (ms === undefined ? '–' : `${(ms / 1000).toFixed(1)} s`);

function row(id: string, result: ScenarioResult | undefined, blockedBy?: string, attempted?: boolean): string {
  if (!result) return `| ${id} | ${attempted ? 'no run recorded (see below)' : 'not yet run'}${blockedBy ? ` (waits for ${blockedBy})` : ''} | – | – | – | – | – | – | – |`;
  const f = result.figures;
  const status = result.passed ? 'passed' : '**FAILED**';
  return `| ${id} | ${status} | ${f.events} | ${f.acked} | ${f.lost} | ${f.duplicates} | ${f.orderViolations ?? '–'} | ${seconds(f.recoveryMs)} | ${result.ranAt.slice(0, 16).replace('T', ' ')} (${seconds(result.durationMs)}) |`;
}

/** docs/reliability.md, generated from docs/reliability.json: nothing in it is typed by hand. */
export function renderReport(file: ReliabilityReportFile): string {
  const out: string[] = [
    '# Reliability report (issue 8)',
    '',
    '<!-- Generated from docs/reliability.json by libs/reliability/src/report/render-report.ts; do not edit. -->',
    '',
    'Produce-consume-validate runs against real brokers: every event carries an id, a key and a per-key',
    'sequence; the producer side records each send as acked, failed or indeterminate; the consumer side',
    'writes each processing to PostgreSQL before its handler returns; the checker reports lost',
    '(acked − processed, each looked up in the topic: consumer skip or broker loss), per-key order',
    'violations (first processing of n before that of n − 1) and duplicates. Code: `libs/reliability`.',
    '',
    'All scenarios, short profile (part of `npm test`): `NODE_OPTIONS=--experimental-vm-modules npx jest -c jest.config.cjs libs/reliability`.',
    'Long profile (issue figures): the same with `RELIABILITY_PROFILE=long`. `RELIABILITY_REPORT=1` writes the figures here.',
    '',
  ];
  for (const profile of PROFILES) {
    const results = file.profiles[profile] ?? {};
    out.push(`## ${profile} profile`, '', '| scenario | status | events | acked | lost | duplicates | order violations | recovery | ran (duration) |', '| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
    for (const s of SCENARIOS) out.push(row(s.id, results[s.id], s.blockedBy, s.lastAttempt !== undefined));
    out.push('');
  }
  out.push('## Scenarios', '');
  for (const s of SCENARIOS) {
    out.push(`### ${s.id}: ${s.title}`, '', `Expected: ${s.expected}.`, '');
    if (!s.spec) {
      out.push(`Not yet run: waits for ${s.blockedBy}. No figures until it has run.`, '');
      continue;
    }
    out.push('```sh', scenarioCommand(s.spec, 'short'), scenarioCommand(s.spec, 'long'), '```', '');
    if (s.lastAttempt && !PROFILES.some((p) => file.profiles[p]?.[s.id])) out.push(`Not run to completion: ${s.lastAttempt}`, '');
    for (const profile of PROFILES) {
      const result = file.profiles[profile]?.[s.id];
      if (!result) continue;
      const extra = Object.entries(result.figures.extra ?? {}).map(([k, v]) => `${k} ${v}`);
      if (result.checks.length > 4) {
        // Case tables (the security cases): one line per case, what was expected and what happened.
        out.push(`${profile}: ${result.passed ? 'passed' : 'FAILED'}:`, '', ...result.checks.map((c) => `- ${c.ok ? '✓' : '✗'} ${c.check}`), '');
      } else {
        out.push(`${profile}: ${result.passed ? 'passed' : 'FAILED'}; ${result.checks.map((c) => `${c.ok ? '✓' : '✗'} ${c.check}`).join('; ')}.`);
      }
      if (extra.length > 0) out.push(`  Figures: ${extra.join(', ')}.`);
      for (const note of result.notes ?? []) out.push(`  ${note}`);
      out.push('');
    }
  }
  return `${out.join('\n').trimEnd()}\n`;
}
