import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { Message } from 'kafkajs';
import { workspaceRoot } from '@eventline/local-kafka';
import type { BenchContext } from '../bench-context';
import { SEND_BATCH } from '../support/backlog';
import type { CpuUsage } from '../support/cpu-meter';
import { PARTITIONS } from '../support/fetch-settings';
import { waitUntil } from '../support/waiting';

/** Where a replay starts: the same N records of the second half, named by offset or by time. */
export type ReplayStart = { readonly kind: 'offset'; readonly offset: bigint } | { readonly kind: 'time'; readonly at: number };

export interface ReplayRun {
  /** Records copied / the peer's copy window (group join included, process start-up not). */
  readonly recordsPerSecond: number;
  readonly copied: number;
  /** Spawn to exit for the CLI, the copy window for the raw loop. */
  readonly wallSeconds: number;
  readonly cpu: CpuUsage;
}

const CLI = join('apps', 'cli', 'bin', 'eventline.cjs');

/**
 * `eventline replay` as an operator runs it: its own process (the bin script, swc-node), JSON
 * summary on stdout. Its figure is the summary's own (copied / elapsed, measured inside the
 * command from the start of the copy: the read group's join included, Node and TypeScript
 * start-up and the topic checks before it not); the whole process's wall time is kept too.
 * CPU "node" here is the idle suite, not the child.
 */
export function cliReplay(ctx: BenchContext, source: string, target: string, start: ReplayStart): Promise<ReplayRun> {
  const from = start.kind === 'offset' ? ['--from-offset', start.offset.toString()] : ['--from-time', new Date(start.at).toISOString()];
  const args = [CLI, 'replay', source, '--to-topic', target, ...from, '--replay-id', `bench-${target}`, '--json', '--brokers', ctx.brokers.join(',')];
  const cpuStart = ctx.cpu.snapshot();
  const child = spawn(process.execPath, args, { cwd: workspaceRoot(), env: { ...process.env, NODE_OPTIONS: '' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const killer = setTimeout(() => child.kill('SIGKILL'), 600_000);
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => {
      clearTimeout(killer);
      const cpu = ctx.cpu.since(cpuStart);
      if (code !== 0) return reject(new Error(`eventline replay exited with ${code}: ${stderr.slice(-2_000)}`));
      // The --json summary is the last document printed (pretty-printed, so from the last line that opens one).
      const summary = JSON.parse(stdout.slice(stdout.lastIndexOf('\n{') + 1)) as { copied: number; elapsedMs: number };
      resolve({ recordsPerSecond: summary.copied / (summary.elapsedMs / 1_000), copied: summary.copied, wallSeconds: cpu.wallSeconds, cpu });
    });
  });
}

/**
 * The peer the CLI issue names: a raw kafkajs consume-and-produce loop doing the same copy in
 * this process — a throwaway group, seek to the start offsets (by time: ListOffsets, as the
 * CLI), eachBatch (4 partitions at once, as the CLI) → `send` of the batch to the same
 * partition of the target in chunks of SEND_BATCH, idempotent, acks=all, with the same four
 * provenance headers the CLI adds, so both write the same bytes. Stops when every partition
 * reached the end seen at start.
 */
export async function kafkajsReplay(ctx: BenchContext, source: string, target: string, start: ReplayStart, expected: number): Promise<ReplayRun> {
  const admin = await ctx.topics.admin();
  const starts =
    start.kind === 'offset'
      ? Array.from({ length: PARTITIONS }, (_, partition) => ({ partition, offset: start.offset.toString() }))
      : await admin.fetchTopicOffsetsByTimestamp(source, start.at);
  const ends = new Map((await admin.fetchTopicOffsets(source)).map((p) => [p.partition, BigInt(p.high)]));
  const producer = ctx.kafka.producer({ idempotent: true, maxInFlightRequests: 5, allowAutoTopicCreation: false });
  const consumer = ctx.kafka.consumer({ groupId: ctx.topics.group('bench-s5-kafkajs'), allowAutoTopicCreation: false, maxWaitTimeInMs: 250 });
  const replayId = `bench-${target}`;
  let copied = 0;
  let failure: unknown;
  // As the CLI's own clock: planning (offset lookups) before it, connecting and the group join inside.
  const cpuStart = ctx.cpu.snapshot();
  await Promise.all([producer.connect(), consumer.connect()]);
  try {
    await consumer.subscribe({ topics: [source] });
    await consumer.run({
      partitionsConsumedConcurrently: 4,
      eachBatch: async ({ batch, heartbeat }) => {
        const end = ends.get(batch.partition) ?? 0n;
        const messages: Message[] = [];
        for (const m of batch.messages) {
          if (BigInt(m.offset) >= end) break;
          messages.push({
            key: m.key,
            value: m.value,
            partition: batch.partition,
            headers: {
              ...m.headers,
              'eventline-replay-id': replayId,
              'eventline-replay-source-topic': source,
              'eventline-replay-source-partition': String(batch.partition),
              'eventline-replay-source-offset': m.offset,
            },
          });
        }
        try {
          for (let i = 0; i < messages.length; i += SEND_BATCH) {
            await producer.send({ topic: target, acks: -1, messages: messages.slice(i, i + SEND_BATCH) });
            copied += Math.min(SEND_BATCH, messages.length - i);
            await heartbeat();
          }
        } catch (error) {
          failure = error;
        }
      },
    });
    for (const { partition, offset } of starts) consumer.seek({ topic: source, partition, offset });
    await waitUntil(`kafkajs replay: ${expected} records (have ${copied})`, () => copied >= expected || failure !== undefined, expected + 120_000, 2);
    if (failure !== undefined) throw failure;
    const cpu = ctx.cpu.since(cpuStart);
    return { recordsPerSecond: copied / cpu.wallSeconds, copied, wallSeconds: cpu.wallSeconds, cpu };
  } finally {
    await Promise.allSettled([consumer.disconnect(), producer.disconnect()]);
  }
}
