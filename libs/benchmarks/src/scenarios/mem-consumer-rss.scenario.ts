import type { BenchContext, Scenario } from '../bench-context';
import type { ScenarioResult } from '../report/result.types';
import { produceBacklog } from '../support/backlog';
import { unregisteredAvroValue } from '../support/bench-records';
import { PARTITIONS } from '../support/fetch-settings';
import { runMemoryChild } from '../support/memory-child';
import { RunLog } from '../support/run-log';
import { formatNumber, formatSummary, summarize } from '../support/stats';

const PEER = 'Eventline EventConsumer (raw decoder)';
const TARGET_MIB = 200;

/**
 * Memory: the consumer's RSS while it drains a large backlog. Fetches are bounded in bytes
 * (1 MiB per partition, 8 MiB in all), so the peak should not grow with the backlog.
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
      const start = ctx.cpu.snapshot();
      const run = await runMemoryChild(ctx, topic, records);
      log.add({ peer: PEER, case: '', rep, value: run.peakMiB, unit: 'MiB peak RSS', cpu: ctx.cpu.since(start), extra: { 'rec/s': run.recordsPerSecond, 'RSS at child start MiB': run.baselineMiB, samples: run.count } });
      await ctx.topics.cleanup();
    }
    const peak = log.required(PEER);
    const throughput = log.of(PEER).map((r) => Number(r.extra?.['rec/s']));
    const worst = peak.max;
    return ctx.result('MEM', this.title, {
      method:
        `${formatNumber(records)} raw records (${unregisteredAvroValue(0).length} B) on ${PARTITIONS} partitions, drained by an EventConsumer with the raw ` +
        'decoder and a no-op handler (partition order, commit after processing), in a process of its own, run by `node` from tsc-compiled JavaScript (a deployed build; through swc-node the TypeScript toolchain alone adds ~130 MiB at start). ' +
        'Eventline defaults for fetch sizes (1 MiB per partition, 8 MiB per fetch), no V8 flags. ' +
        'Its RSS is sampled every 250 ms from before the consumer starts until it stopped. CPU "node" here is the idle suite, not the child.',
      runs: log.runs,
      tables: [
        {
          header: ['peer', 'peak RSS MiB', 'rec/s while draining'],
          rows: [[PEER, formatSummary(peak), formatSummary(summarize(throughput))]],
        },
      ],
      targets: [
        {
          name: `MEM peak RSS, ${formatNumber(records)}-record backlog${ctx.profile.name === 'quick' ? ' (quick profile: the target is for 1,000,000)' : ''}`,
          target: `≤ ${TARGET_MIB} MiB`,
          measured: `${formatNumber(worst)} MiB (worst run)`,
          met: worst <= TARGET_MIB,
          margin: worst <= TARGET_MIB ? `${formatNumber(TARGET_MIB - worst)} MiB below` : `${formatNumber(worst - TARGET_MIB)} MiB over`,
        },
      ],
      notes: [],
      ceilingComparables: [{ label: `${PEER}, while measuring memory`, kind: 'consume', recordsPerSecond: summarize(throughput).median }],
    });
  },
};
