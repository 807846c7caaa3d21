import type { BenchContext, Scenario } from '../bench-context';
import type { ScenarioResult, TargetCheck } from '../report/result.types';
import { produceBacklog } from '../support/backlog';
import { benchEncoder, benchPayload, eventlineMessage, jsonValue } from '../support/bench-records';
import { PARTITIONS } from '../support/fetch-settings';
import { peerOrder } from '../support/peer-order';
import { formatShare, RunLog } from '../support/run-log';
import { formatMargin, formatNumber, formatRatio, formatSummary, median } from '../support/stats';
import { spanExtras, tracingCostTable, tracingMethod, tracingNotes, tracingOffTarget } from '../report/tracing-cost-table';
import { avroDecoder, eventlineConsume, eventlineConsumeTraced, kafkajsConsume, type ConsumeRun, type TracedConsumeRun } from './s3-consumer-peers';
import { S3_SETTINGS } from './s3-consumer.settings';
import { nestConsume } from './s3-nest-peer';
import { TRACING_VARIANTS, TracingVariant } from './tracing-variants.settings';

const EVENTLINE = 'Eventline EventConsumer (Avro decode, commit after processing)';
const KAFKAJS = 'raw kafkajs eachBatch (auto-commit, no decode)';
const NEST = 'NestJS Kafka transport (@EventPattern, JSON)';
const KAFKAJS_OWN = "diagnostic: raw kafkajs eachBatch at kafkajs's own fetch defaults (1 MiB / 10 MiB)";
const NEST_TARGET = 5;

/**
 * S3: a pre-produced backlog of Eventline records (Avro, CloudEvents headers, 6 partitions)
 * read to the end by each peer with a group of its own. A fresh topic per repetition; peer
 * order: each peer first in turn, even repetitions backward (peerOrder).
 */
export const s3Consumer: Scenario = {
  id: 'S3',
  title: 'Consumer throughput (Eventline vs raw kafkajs vs NestJS transport)',
  async run(ctx: BenchContext): Promise<ScenarioResult> {
    const { records } = ctx.profile.s3;
    const { tracing } = S3_SETTINGS[ctx.profile.name];
    const variants = tracing.map((v) => TRACING_VARIANTS[v]);
    const log = new RunLog('S3', ctx.log);
    const codec = await ctx.codec();
    let recordBytes = 0;
    let produceRate = 0;

    for (let rep = 1; rep <= ctx.profile.reps; rep++) {
      const topic = await ctx.topics.create('bench-s3', PARTITIONS);
      const encoder = await benchEncoder(codec, topic);
      recordBytes = encoder.encode(benchPayload(0)).length;
      produceRate = await produceBacklog(ctx.kafka, topic, records, (i) => eventlineMessage(encoder, i));
      ctx.log(`[S3] rep ${rep}: backlog of ${formatNumber(records)} records produced at ${formatNumber(produceRate)} rec/s`);
      // The NestJS transport reads JSON (its default deserializer): the same orders, as JSON values.
      const jsonTopic = await ctx.topics.create('bench-s3-json', PARTITIONS);
      await produceBacklog(ctx.kafka, jsonTopic, records, (i) => ({ key: eventlineMessage(encoder, i).key, value: jsonValue(i) }));
      const peers: Array<[string, () => Promise<ConsumeRun | TracedConsumeRun>]> = [
        [EVENTLINE, () => eventlineConsume(ctx, topic, records, avroDecoder(codec))],
        [KAFKAJS, () => kafkajsConsume(ctx, ctx.kafka, topic, records)],
        [NEST, () => nestConsume(ctx, jsonTopic, records)],
        [KAFKAJS_OWN, () => kafkajsConsume(ctx, ctx.kafka, topic, records, true)],
        // The tracing variants (issue 15): the Eventline peer again, on the same backlog, with its interceptor.
        ...variants.map((spec): [string, () => Promise<TracedConsumeRun>] => [spec.label, () => eventlineConsumeTraced(ctx, topic, records, avroDecoder(codec), spec)]),
      ];
      // Each peer first in turn, forward on odd repetitions and backward on even ones (A B C D, B A D C, …): support/peer-order.ts.
      for (const [peer, run] of peerOrder(peers, rep)) {
        const result = await run();
        log.add({ peer, case: '', rep, value: result.recordsPerSecond, unit: 'rec/s', cpu: result.cpu, ...('spans' in result ? { extra: spanExtras(result.spans) } : {}) });
      }
      await ctx.topics.cleanup();
    }

    const ours = log.required(EVENTLINE);
    const raw = log.required(KAFKAJS);
    const nest = log.required(NEST);
    const row = (peer: string) => {
      const s = log.required(peer);
      const cpu = log.cpuShares(peer);
      const nodeCpuSeconds = median(log.of(peer).map((r) => r.cpu?.nodeCpuSeconds ?? Number.NaN));
      return [peer, formatSummary(s), formatRatio(s.median, raw.median), `${formatShare(cpu.broker)} / ${formatShare(cpu.node)}`, formatNumber(records / nodeCpuSeconds)];
    };
    const ratio = ours.median / raw.median;
    const vsNest = ours.median / nest.median;
    const targets: TargetCheck[] = [
      { name: 'S3 Eventline consumer vs raw kafkajs', target: '≥ 0.85×', measured: formatRatio(ours.median, raw.median), met: ratio >= 0.85, margin: formatMargin(ratio, 0.85) },
      { name: 'S3 Eventline consumer vs NestJS Kafka transport', target: `≥ ${NEST_TARGET}×`, measured: formatRatio(ours.median, nest.median), met: vsNest >= NEST_TARGET, margin: formatMargin(vsNest, NEST_TARGET) },
      ...(tracing.includes(TracingVariant.Off) ? [tracingOffTarget('S3', log, EVENTLINE)] : []),
    ];
    return ctx.result('S3', this.title, {
      method:
        `${formatNumber(records)} records of ${recordBytes} B (Avro OrderPlaced, Confluent framing, CloudEvents headers) on ${PARTITIONS} partitions, ` +
        `produced before each repetition (kafkajs, acks=all, idempotent; ~${formatNumber(produceRate)} rec/s in the last one). ` +
        'Each peer reads the backlog to the end with its own consumer group, 6 partitions consumed at once; throughput = records / ' +
        'time from the first fetched batch to the last record handled. Eventline decodes every record with CloudEventAvroDecoder + ' +
        'AvroCodec against the real registry process (`startSchemaRegistry()`), runs a no-op handler and commits after processing. ' +
        'The NestJS peer (`@nestjs/microservices` Kafka transport, `NestFactory.createMicroservice`, a controller with `@EventPattern(topic)`) ' +
        'reads the same orders written as JSON values (its default deserializer) to a topic of its own, same fetch settings, same 6 partitions at once.' +
        tracingMethod(variants, 'consume'),
      runs: log.runs,
      tables: [
        { header: ['peer', 'rec/s', 'vs raw kafkajs', 'CPU broker / node', 'records per node CPU-second'], rows: [row(EVENTLINE), row(KAFKAJS), row(NEST), row(KAFKAJS_OWN), ...variants.map((v) => row(v.label))] },
        ...(variants.length > 0 ? [tracingCostTable(log, EVENTLINE, tracing, records)] : []),
      ],
      targets,
      notes: [
        `Raw kafkajs (eachBatch, no decoding) reads ${formatRatio(raw.median, nest.median)} as fast as the NestJS transport in this run: as both sit on kafkajs's fetch and ` +
          'record decoding, that is about the most any kafkajs-based consumer, Eventline included, can be ahead of NestJS on this machine.',
        ...tracingNotes(log, tracing),
      ],
      ceilingComparables: [
        { label: 'raw kafkajs producer writing the S3 backlog (acks=all, idempotent, 1,000 per request, 1 in flight; last repetition)', kind: 'produce', recordsPerSecond: produceRate },
        { label: EVENTLINE, kind: 'consume', recordsPerSecond: ours.median },
        { label: KAFKAJS, kind: 'consume', recordsPerSecond: raw.median },
        { label: NEST, kind: 'consume', recordsPerSecond: nest.median },
      ],
    });
  },
};
