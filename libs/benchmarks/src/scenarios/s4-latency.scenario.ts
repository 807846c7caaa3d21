import type { BenchContext, Scenario } from '../bench-context';
import type { ScenarioResult } from '../report/result.types';
import { benchEncoder, benchPayload } from '../support/bench-records';
import { PARTITIONS } from '../support/fetch-settings';
import type { LatencyFigures } from '../support/latency-recorder';
import { RunLog } from '../support/run-log';
import { formatNumber, formatRatio, formatSummary, summarize } from '../support/stats';
import { eventlineLatency, kafkajsLatency } from './s4-latency-peers';

const EVENTLINE = 'Eventline EventPublisher → EventConsumer (Avro, CloudEvents)';
const KAFKAJS = 'raw kafkajs producer → eachBatch consumer (pre-encoded Avro)';

/** S4: end-to-end latency at a fixed rate, publish call to handler, HDR histogram per run. */
export const s4Latency: Scenario = {
  id: 'S4',
  title: 'End-to-end latency at a fixed rate (publish → handler)',
  async run(ctx: BenchContext): Promise<ScenarioResult> {
    const { ratePerSecond, seconds } = ctx.profile.s4;
    const log = new RunLog('S4', ctx.log);
    const codec = await ctx.codec();
    for (let rep = 1; rep <= ctx.profile.reps; rep++) {
      const peers: Array<[string, () => Promise<LatencyFigures>]> = [
        [EVENTLINE, async () => eventlineLatency(ctx, await ctx.topics.create('bench-s4-eventline', PARTITIONS))],
        [
          KAFKAJS,
          async () => {
            const topic = await ctx.topics.create('bench-s4-kafkajs', PARTITIONS);
            const encoder = await benchEncoder(codec, topic);
            return kafkajsLatency(ctx, topic, (i) => encoder.encode(benchPayload(i)));
          },
        ],
      ];
      for (const [peer, run] of rep % 2 === 1 ? peers : [...peers].reverse()) {
        const start = ctx.cpu.snapshot();
        const f = await run();
        log.add({ peer, case: '', rep, value: f.p99Ms, unit: 'ms p99', cpu: ctx.cpu.since(start), extra: { 'p50 ms': f.p50Ms, 'p99.9 ms': f.p999Ms, 'max ms': f.maxMs, events: f.count } });
      }
      await ctx.topics.cleanup();
    }
    const stat = (peer: string, key: string) => {
      return summarize(log.of(peer).map((r) => Number(r.extra?.[key])));
    };
    const row = (peer: string) => [peer, formatSummary(stat(peer, 'p50 ms'), 2), formatSummary(log.required(peer), 2), formatSummary(stat(peer, 'p99.9 ms'), 2), formatSummary(stat(peer, 'max ms'), 2)];
    const p99 = (peer: string) => log.required(peer).median;
    return ctx.result('S4', this.title, {
      method:
        `${formatNumber(ratePerSecond)} events/s for ${seconds} s (${formatNumber(ratePerSecond * seconds)} events) on a 10 ms tick, ${PARTITIONS} partitions, ` +
        'latency = handler call − the moment the event was handed to the producer, recorded in an HDR histogram (hdr-histogram-js, µs). ' +
        'Eventline: the runtime\'s EventPublisher (exported from @eventline/runtime; registry-backed Avro, coalescing, acks=all, idempotent) into an EventConsumer ' +
        '(CloudEventAvroDecoder, partition order). Raw: one idempotent kafkajs producer sending whatever accumulated while its previous send was in flight, ' +
        'into an eachBatch consumer. Each peer joins its group before the clock starts. Fresh topics per run.',
      runs: log.runs,
      tables: [{ header: ['peer', 'p50 ms', 'p99 ms', 'p99.9 ms', 'max ms'], rows: [row(EVENTLINE), row(KAFKAJS)] }],
      targets: [{ name: 'S4 Eventline p99 vs raw kafkajs p99', target: 'reported', measured: formatRatio(p99(EVENTLINE), p99(KAFKAJS)), met: null, margin: '—' }],
      notes: [],
    });
  },
};
