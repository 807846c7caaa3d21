import { mkdirSync, readFileSync, rmdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { workspaceRoot } from '@eventline/local-kafka';
import { renderReport, type ReliabilityReportFile } from './render-report';
import type { ScenarioResult } from './scenario-result';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function reportPaths(root = workspaceRoot()): { json: string; markdown: string } {
  return { json: join(root, 'docs', 'reliability.json'), markdown: join(root, 'docs', 'reliability.md') };
}

function readReportFile(path: string): ReliabilityReportFile {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as ReliabilityReportFile;
  } catch {
    return { profiles: {} };
  }
}

// Jest runs spec files in parallel workers; the read-merge-write must not interleave.
async function withLock<T>(work: () => T): Promise<T> {
  const lock = join(tmpdir(), 'eventline-reliability-report.lock');
  for (let attempt = 0; ; attempt++) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (attempt > 200) throw new Error(`report lock ${lock} held for 20 s; remove it if no run is writing`);
      await sleep(100);
    }
  }
  try {
    return work();
  } finally {
    rmdirSync(lock);
  }
}

/**
 * Prints a scenario's figures, and with RELIABILITY_REPORT=1 also merges them into
 * docs/reliability.json and regenerates docs/reliability.md from it. Off by default, so
 * `npm test` never leaves the tracked report changed.
 */
export async function publishResult(result: ScenarioResult, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  process.stdout.write(`[reliability] ${result.id} (${result.profile}) ${result.passed ? 'PASSED' : 'FAILED'} ${JSON.stringify(result.figures)}\n`);
  if (env.RELIABILITY_REPORT !== '1') return;
  const paths = reportPaths();
  await withLock(() => {
    const file = readReportFile(paths.json);
    const profile = { ...(file.profiles[result.profile] ?? {}), [result.id]: result };
    const next: ReliabilityReportFile = { profiles: { ...file.profiles, [result.profile]: profile } };
    writeFileSync(paths.json, `${JSON.stringify(next, null, 2)}\n`);
    writeFileSync(paths.markdown, renderReport(next));
  });
}
