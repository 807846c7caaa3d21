import type { BenchContext, Scenario } from '../bench-context';
import type { ScenarioResult } from '../report/result.types';
import { SEND_BATCH } from '../support/backlog';
import { benchEncoder, benchPayload, eventlineMessage } from '../support/bench-records';
import { PARTITIONS } from '../support/fetch-settings';
import { peerOrder } from '../support/peer-order';
import { formatShare, RunLog } from '../support/run-log';
import { formatMargin, formatNumber, formatRatio, formatSummary, median } from '../support/stats';
import { spanExtras, tracingCostTable, tracingMethod, tracingNotes, tracingOffTarget } from '../report/tracing-cost-table';
import { eventlinePublish, kafkajsPerPartitionPublish, kafkajsPublish, messagePool, payloadPool, tracedEventlinePublish, type ProduceRun, type TracedProduceRun } from './s2-producer-peers';
import { S2_SETTINGS } from './s2-producer.settings';
import { TRACING_VARIANTS, TracingVariant } from './tracing-variants.settings';

const EVENTLINE = 'Eventline EventPublisher.publishMany (validate, Avro, CloudEvents, per-partition ack check)';
const KAFKAJS = 'raw kafkajs producer.send (pre-encoded bytes)';
const PER_PARTITION = 'diagnostic: raw kafkajs, one sendBatch per partition at once (the publisher\'s request shape)';
const TARGET = 0.9;

/** Every record a peer said it wrote must be in its topic: a fast peer that lost records would not count. */
async function assertWritten(ctx: BenchContext, topic: string, expected: number): Promise<void> {
  const admin = await ctx.topics.admin();
  const offsets = await admin.fetchTopicOffsets(topic);
  const written = offsets.reduce((sum, p) => sum + BigInt(p.high) - BigInt(p.low), 0n);
  if (written !== BigInt(expected)) throw new Error(`[S2] ${topic} holds ${written} records, expected ${expected}`);
}

/**
 * S2: producer throughput. Each peer writes the same number of ~200 B OrderPlaced records to
 * a fresh 6-partition topic, SEND_BATCH records per request, one request at a time, acks=all,
 * idempotent. Each peer goes first in turn, and even repetitions walk the list backward (peerOrder).
 */
export const s2Producer: Scenario = {
  id: 'S2',
  title: 'Producer throughput (Eventline publisher vs raw kafkajs)',
  async run(ctx: BenchContext): Promise<ScenarioResult> {
    const { records, warmupRecords, tracing } = S2_SETTINGS[ctx.profile.name];
    const variants = tracing.map((v) => TRACING_VARIANTS[v]);
    const log = new RunLog('S2', ctx.log);
    const codec = await ctx.codec();
    const payloads = payloadPool(records);
    let recordBytes = 0;
    // Encoded with a registered schema id before the clock: the bytes the publisher would write.
    const preEncoded = async (topic: string, count: number) => {
      const encoder = await benchEncoder(codec, topic);
      recordBytes = encoder.encode(benchPayload(0)).length;
      return messagePool(count, (i) => eventlineMessage(encoder, i));
    };
    const peersOf = (count: number): Array<[string, (topic: string) => Promise<ProduceRun | TracedProduceRun>]> => [
      [EVENTLINE, (topic) => eventlinePublish(ctx, codec, topic, count, payloads)],
      [KAFKAJS, async (topic) => kafkajsPublish(ctx, topic, count, await preEncoded(topic, count))],
      [PER_PARTITION, async (topic) => kafkajsPerPartitionPublish(ctx, topic, count, await preEncoded(topic, count))],
      // The tracing variants (issue 15): the Eventline peer again, with its interceptor.
      ...variants.map((spec): [string, (topic: string) => Promise<TracedProduceRun>] => [spec.label, (topic) => tracedEventlinePublish(ctx, codec, topic, count, payloads, spec)]),
    ];
    // One unrecorded run of every peer first: the JIT (Node's and the broker JVM's) warms up on
    // whichever peer goes first, which would otherwise tax that peer's first repetition.
    for (const [peer, run] of peersOf(warmupRecords)) {
      const topic = await ctx.topics.create('bench-s2-warmup', PARTITIONS);
      const result = await run(topic);
      ctx.log(`[S2] warm-up ${peer}: ${formatNumber(result.recordsPerSecond)} rec/s (not recorded)`);
    }
    await ctx.topics.cleanup();
    for (let rep = 1; rep <= ctx.profile.reps; rep++) {
      // Each peer first in turn, forward on odd repetitions and backward on even ones (A B C, B A C, C A B, …): support/peer-order.ts.
      for (const [peer, run] of peerOrder(peersOf(records), rep)) {
        const topic = await ctx.topics.create('bench-s2', PARTITIONS);
        const result = await run(topic);
        await assertWritten(ctx, topic, records + 1);
        const traced = 'spans' in result ? { ...spanExtras(result.spans), 'records with a traceparent': result.tracedRecords } : {};
        log.add({ peer, case: '', rep, value: result.recordsPerSecond, unit: 'rec/s', cpu: result.cpu, extra: { 'records per send': result.recordsPerSend, ...traced } });
      }
      await ctx.topics.cleanup();
    }

    const ours = log.required(EVENTLINE);
    const raw = log.required(KAFKAJS);
    const row = (peer: string) => {
      const s = log.required(peer);
      const cpu = log.cpuShares(peer);
      const nodeCpuSeconds = median(log.of(peer).map((r) => r.cpu?.nodeCpuSeconds ?? Number.NaN));
      const perSend = median(log.of(peer).map((r) => Number(r.extra?.['records per send'])));
      return [peer, formatSummary(s), formatRatio(s.median, raw.median), `${formatShare(cpu.broker)} / ${formatShare(cpu.node)}`, formatNumber(records / nodeCpuSeconds), formatNumber(perSend)];
    };
    const ratio = ours.median / raw.median;
    return ctx.result('S2', this.title, {
      method:
        `${formatNumber(records)} OrderPlaced records of ${recordBytes} B (Avro, Confluent framing) with CloudEvents headers per peer and repetition, ` +
        `to a fresh ${PARTITIONS}-partition topic; ${formatNumber(SEND_BATCH)} records per call, the next call after the previous one was acknowledged ` +
        '(acks=all, idempotent producer). Eventline: `EventPublisher.publishMany` with the registry-backed AvroCodec (validation and encoding ' +
        'inside the measured window, a UUID ce_id per event; maxBatchCount 1,000 and maxBatchBytes 1 MiB so one call is one batch). ' +
        'Raw: kafkajs `producer.send` of records encoded before the clock with the same registered schema id, same key and headers. ' +
        'Payloads and raw messages come from a pool of 10,000 built before the clock. Window: first call to last acknowledgement; ' +
        'afterwards the topic must hold every record (end − start offsets). Schema registration and metadata happen in a warm-up send before the window. ' +
        `Before the first repetition every peer makes one unrecorded run of ${formatNumber(warmupRecords)} records (JIT warm-up of Node and the broker).` +
        tracingMethod(variants, 'publish'),
      runs: log.runs,
      tables: [
        { header: ['peer', 'rec/s', 'vs raw kafkajs', 'CPU broker / node', 'records per node CPU-second', 'records per acknowledged send'], rows: [row(EVENTLINE), row(KAFKAJS), row(PER_PARTITION), ...variants.map((v) => row(v.label))] },
        ...(variants.length > 0 ? [tracingCostTable(log, EVENTLINE, tracing, records)] : []),
      ],
      targets: [
        { name: 'S2 Eventline publisher vs raw kafkajs', target: `≥ ${TARGET}×`, measured: formatRatio(ours.median, raw.median), met: ratio >= TARGET, margin: formatMargin(ratio, TARGET) },
        ...(tracing.includes(TracingVariant.Off) ? [tracingOffTarget('S2', log, EVENTLINE)] : []),
      ],
      notes: tracingNotes(log, tracing),
      ceilingComparables: [
        { label: EVENTLINE, kind: 'produce', recordsPerSecond: ours.median },
        { label: KAFKAJS, kind: 'produce', recordsPerSecond: raw.median },
      ],
    });
  },
};
