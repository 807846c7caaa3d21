import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchContext, Scenario } from '../bench-context';
import type { ScenarioResult } from '../report/result.types';
import { SEND_BATCH } from '../support/backlog';
import { unregisteredAvroValue } from '../support/bench-records';
import { FETCH, PARTITIONS } from '../support/fetch-settings';
import { parseConsumerPerformance, parseProducerPerformance, runKafkaTool } from '../support/kafka-tool';
import { formatShare, RunLog } from '../support/run-log';
import { formatNumber, formatSummary } from '../support/stats';

const PRODUCER = 'kafka-producer-perf-test (ProducerPerformance)';
const CONSUMER = 'kafka-consumer-perf-test (ConsumerPerformance)';
const RECORD_SIZE = unregisteredAvroValue(0).length;
// Our producers send SEND_BATCH records per request over 6 partitions; the Java producer gets
// batches of the same size per partition (plus a short linger so it fills them).
const BATCH_BYTES = Math.ceil(SEND_BATCH / PARTITIONS) * RECORD_SIZE;

/**
 * S0: Kafka's own perf tools (Java client, from the cached jars) on the same broker with the
 * same record size, acks=all and idempotence: the ceiling every other figure is set against.
 */
export const s0Ceiling: Scenario = {
  id: 'S0',
  title: "Ceiling: Kafka's own producer and consumer perf tools",
  async run(ctx: BenchContext): Promise<ScenarioResult> {
    const { records } = ctx.profile.s0;
    const log = new RunLog('S0', ctx.log);
    const dir = mkdtempSync(join(tmpdir(), 'eventline-bench-s0-'));
    const consumerConfig = join(dir, 'consumer.properties');
    writeFileSync(
      consumerConfig,
      [`max.partition.fetch.bytes=${FETCH.maxBytesPerPartition}`, `fetch.max.bytes=${FETCH.maxBytes}`, `fetch.max.wait.ms=${FETCH.maxWaitTimeInMs}`, 'auto.offset.reset=earliest'].join('\n'),
    );
    const bootstrap = ctx.brokers.join(',');
    try {
      for (let rep = 1; rep <= ctx.profile.reps; rep++) {
        const topic = await ctx.topics.create('bench-s0', PARTITIONS);
        let start = ctx.cpu.snapshot();
        const produced = await runKafkaTool(
          'org.apache.kafka.tools.ProducerPerformance',
          ['--topic', topic, '--num-records', String(records), '--record-size', String(RECORD_SIZE), '--throughput', '-1',
            '--producer-props', `bootstrap.servers=${bootstrap}`, 'acks=all', 'enable.idempotence=true', 'max.in.flight.requests.per.connection=5',
            `batch.size=${BATCH_BYTES}`, 'linger.ms=5'],
          records + 120_000,
        );
        log.add({ peer: PRODUCER, case: '', rep, value: parseProducerPerformance(produced.stdout), unit: 'rec/s', cpu: ctx.cpu.since(start), extra: { 'tool JVM CPU s': produced.jvmCpuSeconds } });

        start = ctx.cpu.snapshot();
        const consumed = await runKafkaTool(
          'org.apache.kafka.tools.ConsumerPerformance',
          ['--bootstrap-server', bootstrap, '--topic', topic, '--messages', String(records), '--group', ctx.topics.group('bench-s0'), '--timeout', '60000', '--consumer.config', consumerConfig],
          records + 120_000,
        );
        const figures = parseConsumerPerformance(consumed.stdout);
        log.add({ peer: CONSUMER, case: '', rep, value: figures.fetchRecordsPerSecond, unit: 'rec/s', cpu: ctx.cpu.since(start), extra: { 'incl. group join rec/s': figures.totalRecordsPerSecond, 'tool JVM CPU s': consumed.jvmCpuSeconds } });
        await ctx.topics.cleanup();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const producer = log.required(PRODUCER);
    const consumer = log.required(CONSUMER);
    const row = (peer: string) => [peer, formatSummary(log.required(peer)), formatShare(log.cpuShares(peer).broker)];
    return ctx.result('S0', this.title, {
      method:
        `Fresh ${PARTITIONS}-partition topic per repetition; \`ProducerPerformance\` writes ${formatNumber(records)} records of ${RECORD_SIZE} B ` +
        `(acks=all, enable.idempotence=true, 5 in flight, batch.size=${BATCH_BYTES} B ≈ ${formatNumber(SEND_BATCH)} records per request over 6 partitions, linger.ms=5), ` +
        '`ConsumerPerformance` then reads them back (same fetch settings as every consumer here). Both run from the cached jars ' +
        '(`.cache/kafka/<version>/libs/*`, classes checked with `unzip -l` in kafka-tools-4.1.1.jar). Consumer figure: `fetch.nMsg.sec` ' +
        '(excludes the group join, like the other consumer figures). Broker CPU share is over the whole tool run, JVM start included.',
      runs: log.runs,
      tables: [{ header: ['tool', 'rec/s', 'broker CPU'], rows: [row(PRODUCER), row(CONSUMER)] }],
      targets: [],
      notes: ['The tools are Java processes of their own: the "node" CPU in the per-run figures is the idle benchmark process; the tool JVM\'s CPU is in the extra column.'],
      ceilingComparables: [
        { label: PRODUCER, kind: 'produce', recordsPerSecond: producer.median },
        { label: CONSUMER, kind: 'consume', recordsPerSecond: consumer.median },
      ],
    });
  },
};
