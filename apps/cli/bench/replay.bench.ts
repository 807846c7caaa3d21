/**
 * Replay throughput: `eventline replay` (its runner, in-process) against a bare kafkajs
 * consume-and-produce loop doing the same copy (same partitions, keys, values, headers,
 * idempotent producer, acks=all, 4 partitions at a time). Runs alternate A B A B on fresh
 * target topics so broker warm-up and page cache favour neither side.
 *
 *   npx nx run cli:bench            (RECORDS=100000 ROUNDS=2 KAFKA_BROKERS=127.0.0.1:9092 by default)
 */
import { kafkaJsConnection } from '@eventline/connection';
import { randomBytes } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { OpsContext, runReplay } from '@eventline/ops';
import { resolveConnection } from '../src/common/connection-options';

const RECORDS = Number(process.env.RECORDS ?? 100_000);
const ROUNDS = Number(process.env.ROUNDS ?? 2);
const PARTITIONS = 6;
const connection = resolveConnection({});
const kafka = new Kafka({ clientId: 'eventline-bench', ...kafkaJsConnection(connection.kafka), logLevel: logLevel.NOTHING });
const run = Date.now().toString(36);

async function seed(admin: ReturnType<Kafka['admin']>, topic: string): Promise<void> {
  await admin.createTopics({ waitForLeaders: true, topics: [{ topic, numPartitions: PARTITIONS }] });
  const producer = kafka.producer({ idempotent: true });
  await producer.connect();
  const value = randomBytes(200);
  for (let i = 0; i < RECORDS; i += 2_000) {
    const messages = Array.from({ length: Math.min(2_000, RECORDS - i) }, (_, j) => ({
      key: `order-${(i + j) % 5_000}`,
      value,
      headers: { ce_type: 'dev.eventline.orders.OrderPlaced', ce_id: `${i + j}` },
    }));
    await producer.send({ topic, acks: -1, messages });
  }
  await producer.disconnect();
}

async function viaCli(source: string, target: string): Promise<number> {
  const ctx = new OpsContext(connection, { clientId: 'eventline-cli' });
  const started = process.hrtime.bigint();
  try {
    const result = await runReplay(ctx, {
      sourceTopic: source,
      targetTopic: target,
      from: { kind: 'earliest' },
      to: { kind: 'latest' },
      filter: {},
      keepPartitions: true,
      replayId: `bench-${target}`,
      dryRun: false,
    });
    const copied = result.dryRun ? undefined : result.counts.copied;
    if (copied !== RECORDS) throw new Error(`eventline copied ${copied}, expected ${RECORDS}`);
  } finally {
    await ctx.close();
  }
  return Number(process.hrtime.bigint() - started) / 1e9;
}

async function viaRawLoop(source: string, target: string): Promise<number> {
  const started = process.hrtime.bigint();
  const producer = kafka.producer({ idempotent: true });
  const consumer = kafka.consumer({ groupId: `bench-raw-${target}` });
  await Promise.all([producer.connect(), consumer.connect()]);
  await consumer.subscribe({ topic: source, fromBeginning: true });
  let copied = 0;
  await new Promise<void>((resolve, reject) => {
    consumer
      .run({
        autoCommit: false,
        partitionsConsumedConcurrently: 4,
        eachBatch: async ({ batch }) => {
          await producer.send({
            topic: target,
            acks: -1,
            messages: batch.messages.map((m) => ({ key: m.key, value: m.value, headers: m.headers, partition: batch.partition })),
          });
          copied += batch.messages.length;
          if (copied >= RECORDS) resolve();
        },
      })
      .catch(reject);
  });
  await consumer.disconnect();
  await producer.disconnect();
  const admin = kafka.admin();
  await admin.connect();
  await admin.deleteGroups([`bench-raw-${target}`]).catch(() => undefined);
  await admin.disconnect();
  return Number(process.hrtime.bigint() - started) / 1e9;
}

async function main(): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  const source = `bench-replay-src-${run}`;
  const created: string[] = [source];
  try {
    process.stdout.write(`seeding ${RECORDS} records (200-byte values, 2 headers) into ${source} (${PARTITIONS} partitions)…\n`);
    await seed(admin, source);
    const results: Record<'eventline' | 'raw', number[]> = { eventline: [], raw: [] };
    for (let round = 1; round <= ROUNDS; round += 1) {
      for (const side of ['eventline', 'raw'] as const) {
        const target = `bench-replay-${side}-${run}-${round}`;
        await admin.createTopics({ waitForLeaders: true, topics: [{ topic: target, numPartitions: PARTITIONS }] });
        created.push(target);
        const seconds = side === 'eventline' ? await viaCli(source, target) : await viaRawLoop(source, target);
        results[side].push(RECORDS / seconds);
        process.stdout.write(`round ${round} ${side.padEnd(9)} ${seconds.toFixed(2)} s  ${Math.round(RECORDS / seconds)} rec/s\n`);
      }
    }
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const ours = mean(results.eventline);
    const raw = mean(results.raw);
    process.stdout.write(
      `\neventline replay ${Math.round(ours)} rec/s, raw kafkajs loop ${Math.round(raw)} rec/s, ratio ${(ours / raw).toFixed(2)} ` +
        `(${RECORDS} records, ${ROUNDS} rounds A B alternating)\ncommand: npx nx run cli:bench   (RECORDS=${RECORDS} ROUNDS=${ROUNDS})\n`,
    );
  } finally {
    await admin.deleteTopics({ topics: created }).catch(() => undefined);
    await admin.disconnect();
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`bench failed: ${(err as Error).stack ?? String(err)}\n`);
    process.exit(1);
  },
);
