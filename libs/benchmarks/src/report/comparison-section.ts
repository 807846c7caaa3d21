import { Better, type ComparisonReport, type ComparisonRow } from '../compare/comparison.types';
import { formatNumber, formatSummary, type Summary } from '../support/stats';
import { table } from './markdown-table';

const ratio = (value: number) => `${value.toFixed(3)}×`;
const ratioSummary = (s: Summary, q?: { q1: number; q3: number }) =>
  s.n === 1 ? ratio(s.median) : `${ratio(s.median)} (middle half ${q ? `${ratio(q.q1)}–${ratio(q.q3)}` : '—'}; all ${ratio(s.min)}–${ratio(s.max)})`;
const yesNo = (met: boolean | null) => (met === null ? 'not checked' : met ? 'yes' : '**NO**');

/** The before/after table: one row per compared figure. */
export function comparisonTable(rows: readonly ComparisonRow[]): string {
  return table({
    header: ['scenario', 'figure', 'baseline (median, min–max)', 'current (median, min–max)', 'current / baseline (median of pairs; middle half; all)', '± noise', 'bound', 'met', 'conclusive', 'pairs'],
    rows: rows.map((r) => [
      r.scenario,
      r.figure,
      r.baseline ? formatSummary(r.baseline) : '—',
      r.current ? formatSummary(r.current) : r.notApplicable ? `not applicable: ${r.notApplicable}` : '—',
      r.pairRatio ? ratioSummary(r.pairRatio, r.pairQuartiles) : '—',
      r.noisePercent === undefined ? '—' : `${r.noisePercent.toFixed(1)} %`,
      `${r.better === Better.Higher ? '≥' : '≤'} ${r.bound.toFixed(2)}×`,
      yesNo(r.met),
      r.met === null ? '—' : r.conclusive ? 'yes' : 'no: within the noise',
      String(r.pairRatio?.n ?? 0),
    ]),
  });
}

/** `## Before/after (<label>)`: trees, command, method, the table, the checks, every run. */
export function comparisonSection(c: ComparisonReport): string {
  const m = c.machine;
  const parts = [
    `## Before/after (${c.label})\n`,
    `Baseline \`${c.baseline.ref}\` = \`${c.baseline.sha.slice(0, 12)}\`; current: the working tree at \`${c.current.sha.slice(0, 12)}\`` +
      `${c.current.dirty ? ' with uncommitted changes' : ''}, differing from the baseline in ${c.current.changedSinceBaseline.join(', ') || 'nothing'}. ` +
      `Profile \`${c.profile}\`, finished ${c.finishedAt}, on ${m.cpus} cores (${m.cpuModel}), Node.js ${m.node}, Kafka ${m.kafka}, ` +
      `load average ${m.loadAverage1m} at the start. Command:\n\n\`\`\`sh\n${c.command}\n\`\`\`\n`,
    `${c.method}\n`,
    comparisonTable(c.rows),
  ];
  if (c.checks.length > 0) parts.push(table({ header: ['check', 'required', 'measured', 'met'], rows: c.checks.map((k) => [k.name, k.required, k.measured, yesNo(k.met)]) }));
  for (const note of c.notes) parts.push(`- ${note}`);
  parts.push(
    '',
    '<details><summary>Per-run figures</summary>\n',
    table({
      header: ['scenario', 'rep', 'order', 'arm', 'case', 'value', 'node CPU s', 'window s', 'extra'],
      rows: c.runs.map((r) => [
        r.scenario,
        String(r.rep),
        String(r.position),
        r.arm,
        r.case,
        `${formatNumber(r.value)} ${r.unit}`,
        r.cpu ? r.cpu.nodeCpuSeconds.toFixed(2) : '—',
        r.cpu ? r.cpu.wallSeconds.toFixed(2) : '—',
        r.extra ? Object.entries(r.extra).map(([k, v]) => `${k}: ${typeof v === 'number' ? formatNumber(v) : v}`).join('; ') : '',
      ]),
    }),
    '</details>\n',
  );
  return parts.join('\n');
}
