/**
 * The memory scenario's consumer, alone in its own process so its RSS is the consumer's and
 * not the suite's (which holds backlog buffers and the registry client). Reads its task from
 * the environment, prints one JSON line with the result.
 */
import { Kafka, logLevel } from 'kafkajs';
import { EventConsumer, kafkaJsClient, ProcessingMode, RuntimeEvent, RuntimeInstrumentation } from '@eventline/runtime';
import { FETCH, PARTITIONS } from '../support/fetch-settings';
import { RssSampler } from '../support/rss-sampler';
import { waitUntil } from '../support/waiting';

async function main(): Promise<void> {
  const brokers = (process.env.BENCH_BROKERS ?? '').split(',');
  const topic = process.env.BENCH_TOPIC ?? '';
  const records = Number(process.env.BENCH_RECORDS);
  const sampler = new RssSampler();
  sampler.start(250);
  const baselineMiB = process.memoryUsage.rss() / 2 ** 20;
  let done = 0;
  let first = 0;
  let last = 0;
  const instrumentation = new RuntimeInstrumentation();
  instrumentation.on(RuntimeEvent.BatchStart, () => (first ||= performance.now()));
  const consumer = new EventConsumer({
    client: kafkaJsClient(new Kafka({ clientId: 'eventline-bench-mem', brokers, logLevel: logLevel.NOTHING })),
    groupId: process.env.BENCH_GROUP ?? '',
    instrumentation,
    concurrency: PARTITIONS,
    // The suite passes the fetch sizes it reports; FETCH (the consumer's defaults) otherwise.
    maxBytesPerPartition: Number(process.env.BENCH_MAX_BYTES_PER_PARTITION || FETCH.maxBytesPerPartition),
    maxBytes: Number(process.env.BENCH_MAX_BYTES || FETCH.maxBytes),
    maxWaitTimeMs: FETCH.maxWaitTimeInMs,
    routes: [
      {
        topic,
        eventType: '*',
        mode: ProcessingMode.PartitionOrder,
        deadLetter: false,
        handler: () => {
          if (++done === records) last = performance.now();
        },
      },
    ],
  });
  await consumer.start();
  try {
    await waitUntil(`${records} records`, () => done >= records, records + 120_000, 20);
  } finally {
    await consumer.stop();
  }
  const rss = sampler.stop();
  console.log(JSON.stringify({ ...rss, baselineMiB, recordsPerSecond: records / ((last - first) / 1_000) }));
}

main().catch((error: unknown) => {
  console.error((error as Error).stack ?? String(error));
  process.exitCode = 1;
});
