import { setTimeout as sleep } from 'node:timers/promises';
import { EventConsumer, type EventContext, kafkaJsClient, ProcessingMode } from '@eventline/runtime';
import type { BenchContext, Scenario } from '../bench-context';
import type { MarkdownTable, ScenarioResult, TargetCheck } from '../report/result.types';
import { produceBacklog } from '../support/backlog';
import { unregisteredAvroValue } from '../support/bench-records';
import { ConsumeWindow } from '../support/consumer-run';
import { formatShare, RunLog } from '../support/run-log';
import { formatMargin, formatNumber, formatRatio, formatSummary } from '../support/stats';

const KEY_ORDER = 'key order';
const PARTITION_ORDER = 'partition order';
const PEERS = [
  { name: KEY_ORDER, mode: ProcessingMode.KeyOrder },
  { name: PARTITION_ORDER, mode: ProcessingMode.PartitionOrder },
] as const;

/**
 * Watches per-key order from inside the handler: a key must never have two records running
 * at once, and its offsets must only grow.
 */
class KeyOrderWatch {
  private readonly running = new Set<string>();
  private readonly lastOffset = new Map<string, bigint>();
  violations = 0;

  enter(context: EventContext): string {
    const key = context.key?.toString('latin1') ?? '';
    const offset = BigInt(context.offset);
    const last = this.lastOffset.get(key);
    if (this.running.has(key) || (last !== undefined && offset <= last)) this.violations++;
    this.running.add(key);
    this.lastOffset.set(key, offset);
    return key;
  }

  leave(key: string): void {
    this.running.delete(key);
  }
}

async function runPeer(ctx: BenchContext, topic: string, mode: ProcessingMode, records: number) {
  const { handlerMs, partitionConcurrency } = ctx.profile.s6;
  const window = new ConsumeWindow(ctx.cpu, records);
  const watch = new KeyOrderWatch();
  const consumer = new EventConsumer({
    client: kafkaJsClient(ctx.kafka),
    groupId: ctx.topics.group(`bench-s6-${mode}`),
    keyOrder: { partitionConcurrency },
    routes: [
      {
        topic,
        eventType: '*',
        mode,
        deadLetter: false,
        handler: async (_value: unknown, context: EventContext) => {
          window.started();
          const key = watch.enter(context);
          await sleep(handlerMs); // the I/O-bound handler: nothing but waiting
          watch.leave(key);
          window.finished();
        },
      },
    ],
  });
  await consumer.start();
  try {
    const measured = await window.closed(`S6 ${mode}`, records * handlerMs * 4 + 60_000);
    return { ...measured, violations: watch.violations };
  } finally {
    await consumer.stop();
  }
}

/**
 * S6: one partition, a backlog of records over K keys, a handler that waits 5 ms. Partition
 * order runs one record at a time; key order runs up to 64 keys at once. Fresh topic per
 * (repetition, key count), read by both peers with their own group, in alternating order.
 */
export const s6KeyParallel: Scenario = {
  id: 'S6',
  title: 'Key-parallel speedup (key order vs partition order, 5 ms I/O handler, one partition)',
  async run(ctx: BenchContext): Promise<ScenarioResult> {
    const { records, keyCounts, handlerMs, partitionConcurrency } = ctx.profile.s6;
    const log = new RunLog('S6', ctx.log);
    for (let rep = 1; rep <= ctx.profile.reps; rep++) {
      for (const keys of keyCounts) {
        const topic = await ctx.topics.create(`bench-s6-k${keys}`, 1);
        await produceBacklog(ctx.kafka, topic, records, (i) => ({ key: `key-${i % keys}`, value: unregisteredAvroValue(i) }));
        // A B in odd repetitions, B A in even ones: neither peer always runs second.
        const order = rep % 2 === 1 ? PEERS : [...PEERS].reverse();
        for (const peer of order) {
          const run = await runPeer(ctx, topic, peer.mode, records);
          log.add({ peer: peer.name, case: `keys=${keys}`, rep, value: run.recordsPerSecond, unit: 'rec/s', cpu: run.cpu, extra: { 'order violations': run.violations } });
        }
        await ctx.topics.cleanup();
      }
    }

    const rows: string[][] = [];
    const targets: TargetCheck[] = [];
    const violations = log.runs.reduce((n, r) => n + Number(r.extra?.['order violations'] ?? 0), 0);
    for (const keys of keyCounts) {
      const c = `keys=${keys}`;
      const ko = log.required(KEY_ORDER, c);
      const po = log.required(PARTITION_ORDER, c);
      const theoretical = (Math.min(keys, partitionConcurrency) * 1_000) / handlerMs;
      const koCpu = log.cpuShares(KEY_ORDER, c);
      rows.push([
        String(keys),
        formatSummary(po),
        formatSummary(ko),
        formatRatio(ko.median, po.median),
        formatNumber(theoretical),
        formatRatio(ko.median, theoretical),
        `${formatShare(koCpu.broker)} / ${formatShare(koCpu.node)}`,
      ]);
      if (keys >= 64) {
        const speedup = ko.median / po.median;
        targets.push({ name: `S6 ${keys} keys: key order vs partition order`, target: '≥ 10×', measured: formatRatio(ko.median, po.median), met: speedup >= 10, margin: formatMargin(speedup, 10) });
        const efficiency = ko.median / theoretical;
        targets.push({ name: `S6 ${keys} keys: key order vs theoretical ${formatNumber(theoretical)} rec/s`, target: '≥ 0.7×', measured: formatRatio(ko.median, theoretical), met: efficiency >= 0.7, margin: formatMargin(efficiency, 0.7) });
      }
      if (keys === 1) {
        const ratio = ko.median / po.median;
        targets.push({ name: 'S6 1 key: key order no slower than partition order', target: '≥ 1.00×', measured: formatRatio(ko.median, po.median), met: ratio >= 1, margin: formatMargin(ratio, 1) });
      }
    }
    targets.push({ name: 'S6 per-key order violations, all runs', target: '0', measured: String(violations), met: violations === 0, margin: violations === 0 ? '—' : `${violations} violations` });

    const table: MarkdownTable = {
      header: ['keys', 'partition order rec/s', 'key order rec/s', 'key / partition', 'theoretical min(keys,64)/5 ms', 'key order / theoretical', 'key order CPU broker / node'],
      rows,
    };
    return ctx.result('S6', this.title, {
      method:
        `One partition, ${formatNumber(records)} raw records (${unregisteredAvroValue(0).length} B framed Avro, read with the runtime's raw decoder) ` +
        `spread round-robin over K keys; handler \`await setTimeout(${handlerMs})\`; key order with partitionConcurrency ${partitionConcurrency}. ` +
        'Throughput = records / time from the first handler call to the last record finished. A fresh topic per repetition and key count, ' +
        'read by both peers (own consumer group each), order alternated between repetitions. Per-key order checked in the handler: ' +
        'no two records of a key running at once, offsets of a key strictly increasing.',
      runs: log.runs,
      tables: [table],
      targets,
      notes: [`Per-key order violations over all ${log.runs.length} runs: ${violations}.`],
    });
  },
};
