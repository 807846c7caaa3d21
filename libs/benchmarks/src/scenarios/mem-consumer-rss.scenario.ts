import type { BenchContext, Scenario } from '../bench-context';
import type { ScenarioResult } from '../report/result.types';
import { produceBacklog } from '../support/backlog';
import { unregisteredAvroValue } from '../support/bench-records';
import { FETCH, PARTITIONS } from '../support/fetch-settings';
import { runMemoryChild } from '../support/memory-child';
import { RunLog } from '../support/run-log';
import { formatNumber, formatSummary, summarize } from '../support/stats';

const PEER = 'Eventline EventConsumer (raw decoder)';
// The fetch sizes Eventline had until 2026-11-30 (kafkajs: 1 MiB per partition, 10 MiB in all): shown for contrast.
const EARLIER_FETCH = { maxBytesPerPartition: 1024 * 1024, maxBytes: 8 * 1024 * 1024 };
const EARLIER_FETCH_PEER = 'same consumer, fetches of 1 MiB per partition / 8 MiB (comparison, not the target)';
// The 200 MB, in the MiB every figure here is given in (200 × 10^6 B = 190.7 MiB).
const TARGET_MIB = 200e6 / 2 ** 20;

/**
 * Memory: the consumer's RSS while it drains a large backlog. Fetches are bounded in bytes
 * (the EventConsumer's defaults, FETCH), so the peak should not grow with the backlog.
 * Named MEM rather than S-something: it is the memory target, not a numbered scenario.
 */
export const memConsumerRss: Scenario = {
  id: 'MEM',
  title: 'Consumer memory under a large backlog (RSS)',
  async run(ctx: BenchContext): Promise<ScenarioResult> {
    const { records } = ctx.profile.memory;
    const log = new RunLog('MEM', ctx.log);
    for (let rep = 1; rep <= ctx.profile.reps; rep++) {
      const topic = await ctx.topics.create('bench-mem', PARTITIONS);
      const rate = await produceBacklog(ctx.kafka, topic, records, (i) => ({ key: `order-${i % 10_000}`, value: unregisteredAvroValue(i) }));
      ctx.log(`[MEM] rep ${rep}: backlog of ${formatNumber(records)} records produced at ${formatNumber(rate)} rec/s`);
      // Each child drains the whole backlog with a group of its own; the order alternates between repetitions.
      const peers: Array<[string, typeof EARLIER_FETCH | undefined]> = [
        [PEER, undefined],
        [EARLIER_FETCH_PEER, EARLIER_FETCH],
      ];
      for (const [peer, fetch] of rep % 2 === 1 ? peers : [...peers].reverse()) {
        const start = ctx.cpu.snapshot();
        const run = await runMemoryChild(ctx, topic, records, fetch);
        log.add({ peer, case: '', rep, value: run.peakMiB, unit: 'MiB peak RSS', cpu: ctx.cpu.since(start), extra: { 'rec/s': run.recordsPerSecond, 'RSS at child start MiB': run.baselineMiB, samples: run.count } });
      }
      await ctx.topics.cleanup();
    }
    const peak = log.required(PEER);
    const throughputOf = (peer: string) => summarize(log.of(peer).map((r) => Number(r.extra?.['rec/s'])));
    const throughput = throughputOf(PEER);
    const worst = peak.max;
    return ctx.result('MEM', this.title, {
      method:
        `${formatNumber(records)} raw records (${unregisteredAvroValue(0).length} B) on ${PARTITIONS} partitions, drained by an EventConsumer with the raw ` +
        'decoder and a no-op handler (partition order, commit after processing), in a process of its own, run by `node` from tsc-compiled JavaScript (a deployed build; through swc-node the TypeScript toolchain alone adds ~130 MiB at start). ' +
        `Eventline defaults for fetch sizes (${FETCH.maxBytesPerPartition / 1024} KiB per partition, ${FETCH.maxBytes / 2 ** 20} MiB per fetch; until 2026-11-30 they were 1 MiB / 8 MiB), no V8 flags. ` +
        'Its RSS is sampled every 250 ms from before the consumer starts until it stopped. The same child with 1 MiB per partition / 8 MiB per fetch reads the same backlog with a group of its own, for comparison. CPU "node" here is the idle suite, not the child.',
      runs: log.runs,
      tables: [
        {
          header: ['peer', 'peak RSS MiB', 'rec/s while draining'],
          rows: [
            [PEER, formatSummary(peak), formatSummary(throughput)],
            [EARLIER_FETCH_PEER, formatSummary(log.required(EARLIER_FETCH_PEER)), formatSummary(throughputOf(EARLIER_FETCH_PEER))],
          ],
        },
      ],
      targets: [
        {
          name: `MEM peak RSS, ${formatNumber(records)}-record backlog${ctx.profile.name === 'quick' ? ' (quick profile: the target is for 1,000,000)' : ''}`,
          target: `≤ 200 MB (${TARGET_MIB.toFixed(1)} MiB)`,
          measured: `${formatNumber(worst)} MiB (worst run)`,
          met: worst <= TARGET_MIB,
          margin: worst <= TARGET_MIB ? `${formatNumber(TARGET_MIB - worst)} MiB below` : `${formatNumber(worst - TARGET_MIB)} MiB over`,
        },
      ],
      notes: [],
      ceilingComparables: [{ label: `${PEER}, while measuring memory`, kind: 'consume', recordsPerSecond: throughput.median }],
    });
  },
};
