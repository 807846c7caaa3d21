import type { RunFigure } from '../report/result.types';
import { formatCpu } from './cpu-meter';
import { formatNumber, summarize, type Summary } from './stats';

/** Collects a scenario's runs and prints each as it lands, so the spread is visible live. */
export class RunLog {
  readonly runs: RunFigure[] = [];

  constructor(
    private readonly scenario: string,
    private readonly print: (line: string) => void,
  ) {}

  add(run: RunFigure): void {
    this.runs.push(run);
    const extra = run.extra ? ' · ' + Object.entries(run.extra).map(([k, v]) => `${k} ${typeof v === 'number' ? formatNumber(v) : v}`).join(' · ') : '';
    const cpu = run.cpu ? ` · ${formatCpu(run.cpu)}` : '';
    const what = [run.case, run.peer].filter(Boolean).join(' ');
    this.print(`[${this.scenario}] rep ${run.rep} ${what}: ${formatNumber(run.value)} ${run.unit}${cpu}${extra}`);
  }

  /** The runs of one peer (and case), summarized; undefined when there are none. */
  summary(peer: string, caseName = ''): Summary | undefined {
    const values = this.of(peer, caseName).map((r) => r.value);
    return values.length > 0 ? summarize(values) : undefined;
  }

  /** The summary of a peer that must have run (every scenario measures its own peers). */
  required(peer: string, caseName = ''): Summary {
    const summary = this.summary(peer, caseName);
    if (!summary) throw new Error(`[${this.scenario}] no runs of "${peer}"${caseName ? ` (${caseName})` : ''}`);
    return summary;
  }

  of(peer: string, caseName = ''): RunFigure[] {
    return this.runs.filter((r) => r.peer === peer && r.case === caseName);
  }

  /** Median CPU share of one core (broker, node) over the runs of a peer and case. */
  cpuShares(peer: string, caseName = ''): { broker?: Summary; node?: Summary } {
    const usages = this.of(peer, caseName).flatMap((r) => (r.cpu && r.cpu.wallSeconds > 0 ? [r.cpu] : []));
    const brokerShares = usages.flatMap((u) => (u.brokerCpuSeconds === undefined ? [] : [(u.brokerCpuSeconds / u.wallSeconds) * 100]));
    const nodeShares = usages.map((u) => (u.nodeCpuSeconds / u.wallSeconds) * 100);
    return {
      broker: brokerShares.length > 0 ? summarize(brokerShares) : undefined,
      node: nodeShares.length > 0 ? summarize(nodeShares) : undefined,
    };
  }
}

/** `62 %` (median share of one core); a dash when not measured. */
export function formatShare(summary: Summary | undefined): string {
  return summary ? `${summary.median.toFixed(0)} %` : '—';
}
