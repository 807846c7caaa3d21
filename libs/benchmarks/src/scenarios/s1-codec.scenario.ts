import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { workspaceRoot } from '@eventline/local-kafka';
import type { BenchContext, Scenario } from '../bench-context';
import type { ScenarioResult } from '../report/result.types';
import { RunLog } from '../support/run-log';
import { formatRatio, formatSummary } from '../support/stats';

const BENCH_FILE = join('libs', 'codec', 'bench', 'codec.bench.ts');

export interface CodecFigure {
  readonly section: string;
  readonly label: string;
  readonly opsPerSecond: number;
}

/**
 * Reads the codec bench's output: a section name alone on a line, then indented
 * `label   1,234,567 ops/s` lines.
 */
export function parseCodecBench(stdout: string): CodecFigure[] {
  const figures: CodecFigure[] = [];
  let section = '';
  for (const line of stdout.split('\n')) {
    const measured = /^\s+(.+?)\s{2,}([\d,]+) ops\/s$/.exec(line);
    if (measured) figures.push({ section, label: measured[1].trim(), opsPerSecond: Number(measured[2].replace(/,/g, '')) });
    else if (/^\S/.test(line) && !line.startsWith('node ') && !line.includes(':')) section = line.trim();
  }
  return figures;
}

/**
 * The codec bench exports nothing (it runs on import), so it is run as it is documented:
 * its own process, with SCHEMA_REGISTRY_URL set so the @kafkajs/confluent-schema-registry
 * peer is included.
 */
function runCodecBench(registryUrl: string, measureMs: number): Promise<string> {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', BENCH_FILE], {
    cwd: workspaceRoot(),
    env: { ...process.env, SWC_NODE_PROJECT: 'tsconfig.base.json', SCHEMA_REGISTRY_URL: registryUrl, BENCH_MS: String(measureMs) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const killer = setTimeout(() => child.kill('SIGKILL'), 120_000);
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => {
      clearTimeout(killer);
      if (code === 0) resolve(out);
      else reject(new Error(`codec bench exited with ${code}: ${err.slice(-1_500)}`));
    });
  });
}

export const s1Codec: Scenario = {
  id: 'S1',
  title: 'Codec: encode/decode per record (libs/codec/bench)',
  async run(ctx: BenchContext): Promise<ScenarioResult> {
    const log = new RunLog('S1', ctx.log);
    const { url } = await ctx.registry();
    let header = '';
    for (let rep = 1; rep <= ctx.profile.reps; rep++) {
      const out = await runCodecBench(url, ctx.profile.s1.measureMs);
      header = out.split('\n')[0];
      for (const f of parseCodecBench(out)) log.add({ peer: f.label, case: f.section, rep, value: f.opsPerSecond, unit: 'ops/s' });
    }
    const keys = [...new Map(log.runs.map((r) => [`${r.case}\u0000${r.peer}`, r])).values()];
    const baseline = (section: string) => log.summary(`raw avsc ${section === 'encode' ? 'toBuffer' : 'fromBuffer'} (same type options)`, section)?.median;
    const rows = keys.map((r) => {
      const s = log.required(r.peer, r.case);
      const section = r.case.startsWith('@kafkajs') ? (r.peer.startsWith('encode') ? 'encode' : 'decode') : r.case;
      return [r.case, r.peer, formatSummary(s), formatRatio(s.median, baseline(section))];
    });
    return ctx.result('S1', this.title, {
      method:
        `\`${BENCH_FILE}\` run as a child process per repetition (it exports nothing reusable), BENCH_MS=${ctx.profile.s1.measureMs}, ` +
        `SCHEMA_REGISTRY_URL pointing at the registry process, so @kafkajs/confluent-schema-registry is measured too. Its first line: \`${header}\`. ` +
        'CPU-only: no broker involved.',
      runs: log.runs,
      tables: [{ header: ['section', 'measurement', 'ops/s', 'vs raw avsc (same type options)'], rows }],
      targets: [],
      notes: [],
    });
  },
};
