import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { workspaceRoot } from '@eventline/local-kafka';
import type { BenchContext, Scenario } from '../bench-context';
import type { TargetCheck } from '../report/result.types';
import { RunLog } from '../support/run-log';
import { formatMargin, formatRatio, formatSummary } from '../support/stats';

const COMPILED = '`eventline` from compiled JavaScript (dist/cli, the default)';
const SOURCE = '`eventline` from TypeScript through swc-node (EVENTLINE_CLI_FROM_SOURCE=1)';
const CASES = ['--help', 'topics list'] as const;
/** The first-hour issue's target for both commands, from compiled JavaScript. */
const TARGET_SECONDS = 0.4;
const RUNS_PER_REP = 5;

/**
 * S8: how long one CLI command takes, start to exit, as an operator's shell sees it: `--help`
 * (no Kafka) and `topics list` against the suite's broker, each run as its own process from
 * the compiled build and from the sources, alternating.
 */
export const s8CliStartup: Scenario = {
  id: 'S8',
  title: 'CLI start-up (`eventline --help`, `eventline topics list`)',
  async run(ctx: BenchContext) {
    const root = workspaceRoot();
    const bin = join(root, 'apps', 'cli', 'bin', 'eventline.cjs');
    // The build the bin uses when fresh; built here so the figure never falls back unnoticed.
    execFileSync(process.execPath, [join(root, 'apps', 'cli', 'tools', 'build-cli.cjs')], { cwd: root, stdio: 'pipe' });
    const log = new RunLog('S8', ctx.log);
    const argsOf = (c: (typeof CASES)[number]) => (c === '--help' ? ['--help'] : ['topics', 'list', '--brokers', ctx.brokers.join(',')]);
    const once = (peer: string, c: (typeof CASES)[number]) => {
      const env = { ...process.env, ...(peer === SOURCE ? { EVENTLINE_CLI_FROM_SOURCE: '1' } : {}) };
      const started = process.hrtime.bigint();
      const run = spawnSync(process.execPath, [bin, ...argsOf(c)], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      if (run.status !== 0) throw new Error(`[S8] ${peer} ${c} exited ${run.status}: ${String(run.stderr).slice(0, 300)}`);
      return seconds;
    };
    for (let rep = 1; rep <= ctx.profile.reps; rep++) {
      for (const c of CASES) {
        // One unrecorded run each: the first start after a build pays the disk cache.
        for (const peer of [COMPILED, SOURCE]) once(peer, c);
        for (let i = 0; i < RUNS_PER_REP; i++) {
          for (const peer of (rep + i) % 2 === 0 ? [COMPILED, SOURCE] : [SOURCE, COMPILED]) log.add({ peer, case: c, rep, value: once(peer, c), unit: 's' });
        }
      }
    }
    const rows: string[][] = [];
    const targets: TargetCheck[] = [];
    for (const c of CASES) {
      const compiled = log.required(COMPILED, c);
      const source = log.required(SOURCE, c);
      rows.push([c, COMPILED, formatSummary(compiled, 3), '1.00×'], [c, SOURCE, formatSummary(source, 3), formatRatio(source.median, compiled.median)]);
      targets.push({
        name: `S8 ${c} from compiled JavaScript`,
        target: `≤ ${TARGET_SECONDS} s`,
        measured: `${compiled.median.toFixed(3)} s`,
        met: compiled.median <= TARGET_SECONDS,
        margin: formatMargin(TARGET_SECONDS, compiled.median),
      });
    }
    return ctx.result('S8', this.title, {
      method:
        `Each command runs as its own process (\`node apps/cli/bin/eventline.cjs …\`), timed from spawn to exit, ${RUNS_PER_REP} times per repetition ` +
        'per peer, peers alternating, after one unrecorded run each. `topics list` asks the suite\'s broker. The compiled build is made first ' +
        '(`node apps/cli/tools/build-cli.cjs`, what `npm install` and `nx build cli` run).',
      runs: log.runs,
      tables: [{ header: ['command', 'peer', 'seconds', 'vs compiled'], rows }],
      targets,
      notes: ['Seconds are wall time of the whole process: Node start, module loading, the Kafka round trips of `topics list`, exit.'],
    });
  },
};
