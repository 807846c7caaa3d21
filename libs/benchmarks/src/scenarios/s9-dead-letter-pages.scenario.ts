import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { workspaceRoot } from '@eventline/local-kafka';
import { uniqueName } from '@eventline/testing';
import type { BenchContext, Scenario } from '../bench-context';
import type { ScenarioResult } from '../report/result.types';
import { RunLog } from '../support/run-log';
import { formatNumber, formatRatio, formatSummary, summarize } from '../support/stats';
import { ConsoleProcess } from './s9-console-process';
import { fillDeadLetters } from './s9-dead-letter-fill';
import { DeadLetterCode, newestOf, RARE_EVERY, type DeadLetterSet } from './s9-dead-letter-set';
import { cliPageProblems, consolePageProblems, type ConsolePageAnswer, type PageExpectation } from './s9-page-checks';
import { cliPage, consolePageCold, consolePageWarm, type Timed } from './s9-page-peers';

const CONSOLE_WARM = 'console API, kept-alive connection (fetch)';
const CONSOLE_COLD = 'console API, new connection per request';
const CLI = '`eventline dlq show … --max 50 --json --raw` (CLI process)';
const PEERS = [CONSOLE_WARM, CONSOLE_COLD, CLI] as const;
const CASES = ['first page', `filtered page (errorCode=${DeadLetterCode.Rare})`] as const;
const LIMIT = 50;
const PARTITIONS = 6;
const RUNS_PER_REP = 3;
/** The dead letters' failure times span the last day: inside any retention, one record per step. */
const SPAN_MS = 86_400_000;
/** Nothing listens here: the list endpoint never decodes, so the console needs no registry. */
const NO_REGISTRY = 'http://127.0.0.1:9';

interface PageRun {
  readonly seconds: number;
  readonly scanned?: number;
  readonly partial?: boolean;
  readonly consoleCpuSeconds?: number;
}

/**
 * S9: what a dead-letter page costs when the DLQ is large. A fresh 6-partition `.dlq` topic
 * holds N dead letters (the runtime's header contract, mostly HANDLER_TIMEOUT, one in 200 of
 * every partition VALIDATION_FAILED); the real console runs as its own process, and each
 * repetition asks its API for the newest page and for the newest page of the rare code, beside
 * the CLI's `dlq show` doing the nearest thing an operator had before, peers rotating.
 */
export const s9DeadLetterPages: Scenario = {
  id: 'S9',
  title: 'Dead-letter pages of a large DLQ (console API vs `eventline dlq show`)',
  async run(ctx: BenchContext): Promise<ScenarioResult> {
    const root = workspaceRoot();
    const bin = join(root, 'apps', 'cli', 'bin', 'eventline.cjs');
    execFileSync(process.execPath, [join(root, 'apps', 'cli', 'tools', 'build-cli.cjs')], { cwd: root, stdio: 'pipe' });
    const count = ctx.profile.s9.deadLetters;
    const topic = await ctx.topics.createNamed(`${uniqueName('bench-s9-orders')}.dlq`, PARTITIONS);
    const set: DeadLetterSet = { topic, count, partitions: PARTITIONS, firstAt: Date.now() - SPAN_MS, stepMs: Math.max(1, Math.floor(SPAN_MS / count)) };
    const fillRate = await fillDeadLetters(ctx.kafka, set);
    ctx.log(`[S9] filled ${topic} with ${formatNumber(count)} dead letters at ${formatNumber(fillRate)} rec/s (not a figure of S9)`);

    const auditTopic = await ctx.topics.createNamed(uniqueName('bench-s9-audit'), 1);
    const booted = performance.now();
    const consoleApp = await ConsoleProcess.start({ root, brokers: ctx.brokers, registryUrl: NO_REGISTRY, auditTopic });
    const bootSeconds = (performance.now() - booted) / 1_000;
    ctx.log(`[S9] console at ${consoleApp.url} after ${bootSeconds.toFixed(1)} s (compile + start)`);

    const log = new RunLog('S9', ctx.log);
    const expectations: Record<(typeof CASES)[number], PageExpectation> = { [CASES[0]]: { limit: LIMIT }, [CASES[1]]: { limit: LIMIT, code: DeadLetterCode.Rare } };
    const newest = Object.fromEntries(CASES.map((c) => [c, newestOf(set, LIMIT, expectations[c].code)]));
    const pagePath = (c: (typeof CASES)[number]) => `/api/dead-letters/${encodeURIComponent(topic)}/records?limit=${LIMIT}${expectations[c].code ? `&errorCode=${expectations[c].code}` : ''}`;
    const cliArgs = (c: (typeof CASES)[number]) => [
      'dlq', 'show', topic,
      ...(expectations[c].code ? ['--error-code', expectations[c].code as string] : []),
      '--max', String(LIMIT), '--json', '--raw', '--brokers', ctx.brokers.join(','),
    ];
    const consoleRun = async (c: (typeof CASES)[number], fetchPage: (url: string) => Promise<Timed<ConsolePageAnswer>>): Promise<PageRun> => {
      const cpuBefore = consoleApp.cpuSeconds();
      const { seconds, answer } = await fetchPage(`${consoleApp.url}${pagePath(c)}`);
      const consoleCpuSeconds = consoleApp.cpuSeconds() - cpuBefore;
      const problems = consolePageProblems(answer, { ...expectations[c], newest: newest[c] });
      if (problems.length > 0) throw new Error(`[S9] console ${c}: ${problems.join('; ')}`);
      return { seconds, scanned: answer.scanned, partial: answer.partial, consoleCpuSeconds };
    };
    const once = (peer: (typeof PEERS)[number], c: (typeof CASES)[number]): Promise<PageRun> => {
      if (peer === CONSOLE_WARM) return consoleRun(c, consolePageWarm);
      if (peer === CONSOLE_COLD) return consoleRun(c, consolePageCold);
      return cliPage(root, bin, cliArgs(c)).then(({ seconds, answer }) => {
        const problems = cliPageProblems(answer, expectations[c]);
        if (problems.length > 0) throw new Error(`[S9] CLI ${c}: ${problems.join('; ')}`);
        return { seconds };
      });
    };

    try {
      for (let rep = 1; rep <= ctx.profile.reps; rep++) {
        for (const [c, caseName] of CASES.entries()) {
          // One unrecorded run each: the console's first request of a kind, the CLI's disk cache.
          for (const peer of PEERS) await once(peer, caseName);
          for (let i = 0; i < RUNS_PER_REP; i++) {
            const shift = (rep + c + i) % PEERS.length;
            for (const peer of [...PEERS.slice(shift), ...PEERS.slice(0, shift)]) {
              const cpuStart = ctx.cpu.snapshot();
              const run = await once(peer, caseName);
              const cpu = ctx.cpu.since(cpuStart);
              const extra: Record<string, number | string> = {};
              if (run.scanned !== undefined) extra.scanned = run.scanned;
              if (run.partial !== undefined) extra.partial = run.partial ? 'yes' : 'no';
              if (run.consoleCpuSeconds !== undefined) extra['console CPU s'] = Number(run.consoleCpuSeconds.toFixed(2));
              log.add({ peer, case: caseName, rep, value: run.seconds, unit: 's', cpu, extra });
            }
          }
        }
      }
    } finally {
      await consoleApp.stop();
    }

    const rows: string[][] = [];
    for (const caseName of CASES) {
      const cli = log.required(CLI, caseName);
      for (const peer of PEERS) {
        const s = log.required(peer, caseName);
        const runs = log.of(peer, caseName);
        const scanned = runs.flatMap((r) => (typeof r.extra?.scanned === 'number' ? [r.extra.scanned] : []));
        const consoleCpu = runs.flatMap((r) => (typeof r.extra?.['console CPU s'] === 'number' ? [r.extra['console CPU s']] : []));
        const partial = runs.filter((r) => r.extra?.partial === 'yes').length;
        const brokerCpu = runs.flatMap((r) => (r.cpu?.brokerCpuSeconds === undefined ? [] : [r.cpu.brokerCpuSeconds]));
        rows.push([
          caseName,
          peer,
          formatSummary(s, 3),
          peer === CLI ? '1.00×' : formatRatio(s.median, cli.median),
          scanned.length > 0 ? formatSummary(summarize(scanned), 0) : '— (not reported)',
          peer === CLI ? '—' : `${partial} of ${runs.length}`,
          consoleCpu.length > 0 ? formatSummary(summarize(consoleCpu), 2) : '—',
          brokerCpu.length > 0 ? formatSummary(summarize(brokerCpu), 2) : '—',
        ]);
      }
    }
    return ctx.result('S9', this.title, {
      method:
        `A fresh ${PARTITIONS}-partition dead-letter topic (\`bench-s9-orders-….dlq\`) holds ${formatNumber(count)} dead letters, written before the clock by ` +
        '3 idempotent producers at once (acks=all, 1,200 records per request): each carries the runtime\'s dead-letter headers (`deadLetterHeaders` of ' +
        '@eventline/runtime: source topic/partition/offset, group, attempts, error class, code, message, a 3-line stack, failed-at) and a ~100 B JSON value, ' +
        `failure times one step apart over the last 24 h; the code is ${DeadLetterCode.Common} except one record in ${RARE_EVERY} of every partition, ` +
        `${DeadLetterCode.Rare}, spread evenly over time and partitions. The real console runs as its own process (apps/console/src/main.ts compiled ` +
        'to JavaScript, CONSOLE_AUTH=off on 127.0.0.1, a free port, the suite\'s broker, an unreachable registry since the list never decodes, log level ' +
        'warn). Measured, from the request sent to the whole JSON answer read: ' +
        `\`GET /api/dead-letters/<dlq>/records?limit=${LIMIT}\` (first page) and \`…&errorCode=${DeadLetterCode.Rare}\` (filtered page), over a ` +
        'kept-alive connection (Node\'s fetch) and over a new connection per request (node:http, `agent: false`). The peer is what an operator ran ' +
        `before the console: \`node apps/cli/bin/eventline.cjs dlq show <dlq> [--error-code ${DeadLetterCode.Rare}] --max ${LIMIT} --json --raw --brokers …\`, ` +
        'spawn to exit (Node start included, compiled CLI built first), which reads forwards from the earliest offset and so shows the oldest 50, not ' +
        `the newest. Per repetition and case: one unrecorded run of every peer, then ${RUNS_PER_REP} runs of each, peers rotating. Every answer is ` +
        `checked: the console's first page must be exactly the ${LIMIT} newest dead letters, newest first, the filtered one exactly the ${LIMIT} newest ` +
        `${DeadLetterCode.Rare} (or \`partial\` with a cursor, holding only the newest of them); the CLI must print ${LIMIT} distinct dead letters, with the code when filtered.`,
      runs: log.runs,
      tables: [{ header: ['case', 'peer', 'seconds', 'vs CLI', 'records scanned (console)', 'partial', 'console CPU s', 'broker CPU s'], rows }],
      targets: [],
      notes: [
        `Setup, not measured: the topic was filled at ${formatNumber(fillRate)} rec/s; the console took ${bootSeconds.toFixed(1)} s to compile and start.`,
        '"records scanned" is the console\'s own `scanned` field: what the page read, bounded per request by libs/ops (50,000) whatever the topic holds.',
        'Console CPU is the console process\'s user + system time over the request (/proc, 10 ms ticks); broker CPU the broker JVM\'s over the same window.',
        'The topic was just written, so both readers find it in the page cache.',
      ],
    });
  },
};
