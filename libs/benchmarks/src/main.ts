/**
 * Eventline's benchmark suite (issue 9). Runs the scenarios against the local single broker
 * (or KAFKA_BROKERS), prints every run as it lands, and writes docs/benchmarks.md and
 * docs/benchmarks.json.
 *
 *   SWC_NODE_PROJECT=tsconfig.base.json node -r @swc-node/register libs/benchmarks/src/main.ts --profile quick [--only S3,S6]
 *
 * With `--compare-with <ref>` it measures S2, S3, S6 and MEM in a worktree of <ref> and in the
 * working tree instead, alternately in one invocation (compare/compare-run.ts), and writes
 * the "Before/after" section.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureKafka, LocalKafka, NodeState, workspaceRoot } from '@eventline/local-kafka';
import { BenchContext, type Scenario } from './bench-context';
import { benchHelp, parseBenchArgs } from './cli-args';
import { runComparison } from './compare/compare-run';
import type { ComparisonReport } from './compare/comparison.types';
import { comparisonTable } from './report/comparison-section';
import { machineInfo } from './report/machine-info';
import { renderMarkdown } from './report/markdown-report';
import { mergeReport, writeReport } from './report/report-store';
import type { ScenarioResult } from './report/result.types';
import { NOT_YET_MEASURED } from './scenarios/not-yet-measured';
import { SCENARIOS } from './scenarios';
import { brokerJvmPid } from './support/broker-pid';

const log = (line: string) => console.log(line);

async function main(): Promise<void> {
  if (process.argv.slice(2).some((a) => a === '--help' || a === '-h')) {
    log(benchHelp(SCENARIOS));
    return;
  }
  const args = parseBenchArgs(process.argv.slice(2), SCENARIOS.map((s) => s.id));
  const root = workspaceRoot();
  // The environment that chose the broker belongs to the command: a rerun must hit the same setup.
  const env = ['KAFKA_BROKERS', 'EVENTLINE_KAFKA_PORT', 'EVENTLINE_CACHE_DIR'].filter((name) => process.env[name]).map((name) => `${name}=${process.env[name]} `);
  const command = `${env.join('')}SWC_NODE_PROJECT=tsconfig.base.json node -r @swc-node/register libs/benchmarks/src/main.ts ${process.argv.slice(2).join(' ')}`;

  const connection = await ensureKafka((line) => log(`[kafka] ${line}`));
  // The registry process and the harness read the brokers from here.
  process.env.KAFKA_BROKERS = connection.brokers.join(',');
  const local = connection.startedHere ?? new LocalKafka();
  const node = local.status().find((n) => n.state === NodeState.Running && connection.brokers.includes(n.bootstrap));
  const pid = brokerJvmPid(node?.pid);
  log(`[bench] profile ${args.profile.name}, brokers ${connection.brokers.join(',')} (${connection.source}${connection.startedHere ? ', started here' : ''}), broker JVM pid ${pid ?? 'unknown'}`);

  const context = new BenchContext(connection.brokers, args.profile, command, pid, log);
  const machine = machineInfo(connection.brokers.join(','));
  const results: ScenarioResult[] = [];
  let comparison: ComparisonReport | undefined;
  let failed = false;
  const stopEverything = async () => {
    await context.close();
    if (connection.startedHere) {
      log('[bench] stopping the broker this run started');
      await connection.startedHere.stop();
    }
  };
  process.once('SIGINT', () => void stopEverything().finally(() => process.exit(130)));

  try {
    if (args.compare) {
      const outcome = await runComparison({ ctx: context, root, compare: args.compare, only: args.only ?? new Set(), brokerPid: pid, machine });
      comparison = outcome.report;
      failed = outcome.failed;
      log(`[bench] before/after (${comparison.label}), current / baseline:\n${comparisonTable(comparison.rows)}`);
    }
    const selected: Scenario[] = args.compare ? [] : SCENARIOS.filter((s) => !args.only || args.only.has(s.id));
    for (const scenario of selected) {
      const started = performance.now();
      log(`[bench] ${scenario.id}: ${scenario.title}`);
      try {
        results.push(await scenario.run(context));
      } catch (error) {
        failed = true;
        log(`[bench] ${scenario.id} failed: ${(error as Error).stack ?? String(error)}`);
      } finally {
        await context.topics.cleanup().catch(() => undefined);
      }
      log(`[bench] ${scenario.id} took ${((performance.now() - started) / 1_000).toFixed(1)} s`);
    }
  } finally {
    await stopEverything();
  }

  const docs = join(root, 'docs');
  mkdirSync(docs, { recursive: true });
  const report = mergeReport(join(docs, 'benchmarks.json'), machine, results, comparison);
  writeReport(join(docs, 'benchmarks.json'), report);
  writeFileSync(join(docs, 'benchmarks.md'), renderMarkdown(report, NOT_YET_MEASURED));
  const updated = comparison ? `Before/after (${comparison.label})` : results.map((r) => r.id).join(', ') || 'no scenario';
  log(`[bench] wrote docs/benchmarks.md and docs/benchmarks.json (${updated} updated)`);
  if (failed) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(`[bench] ${(error as Error).message}`);
  process.exitCode = 1;
});
