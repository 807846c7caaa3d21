import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { workspaceRoot } from '@eventline/local-kafka';
import type { BenchContext } from '../bench-context';
import { compileScript } from './compiled-script';

export interface MemoryChildResult {
  readonly peakMiB: number;
  readonly lastMiB: number;
  readonly baselineMiB: number;
  readonly count: number;
  readonly recordsPerSecond: number;
}

const CHILD = join('libs', 'benchmarks', 'src', 'scenarios', 'mem-consumer.child.ts');
let compiled: string | undefined;

/**
 * Runs scenarios/mem-consumer.child.ts as its own Node process, compiled to JavaScript first
 * (once per suite run; see compileScript: the child's RSS is then the consumer's, not the
 * TypeScript toolchain's), and returns its one-line JSON result.
 */
export function runMemoryChild(ctx: BenchContext, topic: string, records: number, fetch?: { maxBytesPerPartition: number; maxBytes: number }): Promise<MemoryChildResult> {
  compiled ??= compileScript(workspaceRoot(), CHILD, 'benchmarks-mem-child');
  const child = spawn(process.execPath, [compiled], {
    cwd: workspaceRoot(),
    env: {
      ...process.env,
      BENCH_BROKERS: ctx.brokers.join(','),
      BENCH_TOPIC: topic,
      BENCH_GROUP: ctx.topics.group('bench-mem'),
      BENCH_RECORDS: String(records),
      ...(fetch ? { BENCH_MAX_BYTES_PER_PARTITION: String(fetch.maxBytesPerPartition), BENCH_MAX_BYTES: String(fetch.maxBytes) } : {}),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const killer = setTimeout(() => child.kill('SIGKILL'), records + 180_000);
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => {
      clearTimeout(killer);
      const line = stdout.trim().split('\n').pop() ?? '';
      if (code === 0 && line.startsWith('{')) resolve(JSON.parse(line) as MemoryChildResult);
      else reject(new Error(`memory consumer exited with ${code}: ${stderr.slice(-2_000)}`));
    });
  });
}
