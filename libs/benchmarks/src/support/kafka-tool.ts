import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { KAFKA_VERSION, workspaceRoot } from '@eventline/local-kafka';
import { clockTicksPerSecond, procCpuTicks } from './cpu-meter';

export interface ToolRun {
  readonly stdout: string;
  /** CPU seconds of the tool's JVM, sampled every 100 ms while it ran (the last interval is missed). */
  readonly jvmCpuSeconds: number;
}

/**
 * Runs one of Kafka's own tools from the cached jars (`java -cp <libs>/* <mainClass> …`), bounded
 * by a timeout, and returns what it printed.
 */
export function runKafkaTool(mainClass: string, args: readonly string[], timeoutMs: number): Promise<ToolRun> {
  // The launcher's jar cache (local-kafka's workspace-paths.ts, which its index does not export).
  const cacheRoot = process.env.EVENTLINE_CACHE_DIR ?? join(workspaceRoot(), '.cache', 'kafka');
  const classpath = join(cacheRoot, KAFKA_VERSION, 'libs', '*');
  const child = spawn(process.env.JAVA_HOME ? join(process.env.JAVA_HOME, 'bin', 'java') : 'java', ['-Xmx512m', '-cp', classpath, mainClass, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  let ticks = 0;
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const sampler = setInterval(() => {
    try {
      ticks = procCpuTicks(readFileSync(`/proc/${child.pid}/stat`, 'utf8'));
    } catch {
      // exited between two samples
    }
  }, 100);
  const killer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      clearInterval(sampler);
      clearTimeout(killer);
      if (code === 0) resolve({ stdout, jvmCpuSeconds: ticks / clockTicksPerSecond() });
      else reject(new Error(`${mainClass} exited with ${code ?? signal}:\n${stderr.slice(-2_000)}${stdout.slice(-1_000)}`));
    });
  });
}

/** `200000 records sent, 123456.7 records/sec (23.55 MB/sec), …` → records/s. */
export function parseProducerPerformance(stdout: string): number {
  const matches = [...stdout.matchAll(/(\d+) records sent, ([\d.]+) records\/sec/g)];
  const last = matches[matches.length - 1];
  if (!last) throw new Error(`no summary line in ProducerPerformance output:\n${stdout.slice(-1_000)}`);
  return Number(last[2]);
}

/**
 * ConsumerPerformance prints a CSV header and one line; `fetch.nMsg.sec` excludes the group
 * join (`rebalance.time.ms`), like every other consumer figure in this suite.
 */
export function parseConsumerPerformance(stdout: string): { fetchRecordsPerSecond: number; totalRecordsPerSecond: number; records: number } {
  const lines = stdout.split('\n').map((l) => l.trim()).filter(Boolean);
  const headerAt = lines.findIndex((l) => l.startsWith('start.time'));
  if (headerAt < 0 || !lines[headerAt + 1]) throw new Error(`no result line in ConsumerPerformance output:\n${stdout.slice(-1_000)}`);
  const header = lines[headerAt].split(',').map((h) => h.trim());
  const values = lines[headerAt + 1].split(',').map((v) => v.trim());
  const column = (name: string) => Number(values[header.indexOf(name)]);
  return { fetchRecordsPerSecond: column('fetch.nMsg.sec'), totalRecordsPerSecond: column('nMsg.sec'), records: column('data.consumed.in.nMsg') };
}
