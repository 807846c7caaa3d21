/**
 * S6, key-parallel speedup: one partition, a 5 ms I/O-bound handler, partition order vs key
 * order (partitionConcurrency 64) for 1/4/16/64/256 keys, alternated in one run on the
 * local broker. Reports records/s, the ratio, the share of the theoretical
 * min(keys, 64) / 5 ms, and per-key order violations (must be 0).
 *
 *   SWC_NODE_PROJECT=tsconfig.base.json node -r @swc-node/register libs/runtime/bench/key-order-speedup.bench.ts [records=4000] [reps=1]
 *
 * Needs a broker (KAFKA_BROKERS, default the local one: `npm run kafka -- start`).
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { Kafka, logLevel, type Admin } from 'kafkajs';
import { EventConsumer, kafkaJsClient, ProcessingMode } from '../src';

const HANDLER_MS = 5;
const CONCURRENCY = 64;
const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
const records = Number(process.argv[2] ?? 4_000);
const reps = Number(process.argv[3] ?? 1);

async function createTopic(admin: Admin, topic: string): Promise<void> {
  await admin.createTopics({ waitForLeaders: false, topics: [{ topic, numPartitions: 1 }, { topic: `${topic}.dlq`, numPartitions: 1 }] });
  for (let i = 0; i < 100; i++) {
    const ready = await admin.fetchTopicMetadata({ topics: [topic, `${topic}.dlq`] }).then((m) => m.topics.every((t) => t.partitions.every((p) => p.leader >= 0)), () => false);
    if (ready) return;
    await sleep(100);
  }
}

async function run(kafka: Kafka, admin: Admin, keys: number, mode: ProcessingMode, count: number): Promise<{ rate: number; violations: number }> {
  const topic = `bench-s6-${mode}-${keys}-${Date.now()}`;
  await createTopic(admin, topic);
  const producer = kafka.producer({ idempotent: true });
  await producer.connect();
  for (let i = 0; i < count; i += 1_000) {
    await producer.send({ topic, acks: -1, messages: Array.from({ length: Math.min(1_000, count - i) }, (_, j) => ({ key: `k${(i + j) % keys}`, value: String(Math.floor((i + j) / keys)) })) });
  }
  await producer.disconnect();
  let done = 0;
  let first = 0;
  let violations = 0;
  const last = new Map<string, number>();
  const consumer = new EventConsumer({
    client: kafkaJsClient(kafka),
    groupId: topic,
    keyOrder: { partitionConcurrency: CONCURRENCY },
    routes: [
      {
        topic,
        eventType: '*',
        mode,
        handler: async (value: Buffer, ctx) => {
          first ||= performance.now();
          const key = ctx.key!.toString();
          const seq = Number(value.toString());
          if (seq !== (last.get(key) ?? -1) + 1) violations++;
          last.set(key, seq);
          await sleep(HANDLER_MS);
          done++;
        },
      },
    ],
  });
  await consumer.start();
  const until = Date.now() + 120_000;
  while (done < count && Date.now() < until) await sleep(20);
  const rate = done / ((performance.now() - first) / 1000);
  await consumer.stop();
  await admin.deleteTopics({ topics: [topic, `${topic}.dlq`] }).catch(() => undefined);
  return { rate, violations };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main(): Promise<void> {
  const kafka = new Kafka({ clientId: 'bench-s6', brokers, logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  console.log(`S6 key-parallel speedup: 1 partition, ${HANDLER_MS} ms handler, key-order concurrency ${CONCURRENCY}, ${records} records per key-order run, ${reps} rep(s)`);
  console.log('keys | partition order rec/s | key order rec/s | speedup | of theoretical | violations');
  for (const keys of [1, 4, 16, 64, 256]) {
    const po: number[] = [];
    const ko: number[] = [];
    let violations = 0;
    for (let r = 0; r < reps; r++) {
      // Partition order is 200/s at best: 400 records measure it well and fast.
      const a = await run(kafka, admin, keys, ProcessingMode.PartitionOrder, 400);
      const b = await run(kafka, admin, keys, ProcessingMode.KeyOrder, keys === 1 ? 400 : records);
      po.push(a.rate);
      ko.push(b.rate);
      violations += a.violations + b.violations;
    }
    const theoretical = (Math.min(keys, CONCURRENCY) * 1000) / HANDLER_MS;
    console.log(
      `${String(keys).padStart(4)} | ${median(po).toFixed(0).padStart(21)} | ${median(ko).toFixed(0).padStart(15)} | ${(median(ko) / median(po)).toFixed(1).padStart(6)}× | ${(median(ko) / theoretical).toFixed(2).padStart(13)}× | ${violations}`,
    );
  }
  await admin.disconnect();
}

void main();
