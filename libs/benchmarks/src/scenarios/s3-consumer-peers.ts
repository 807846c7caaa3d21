import type { Kafka } from 'kafkajs';
import { EventCatalog } from '@eventline/contracts';
import { CloudEventAvroDecoder, EventConsumer, ProcessingMode, RuntimeEvent, RuntimeInstrumentation, type RecordDecoder } from '@eventline/runtime';
import type { BenchContext } from '../bench-context';
import { ConsumeWindow } from '../support/consumer-run';
import { FETCH, PARTITIONS } from '../support/fetch-settings';

export interface ConsumeRun {
  readonly recordsPerSecond: number;
  readonly cpu: ReturnType<BenchContext['cpu']['since']>;
}

const timeoutFor = (records: number) => records + 120_000; // ≥ 1,000 rec/s, or something is wrong

/**
 * Eventline: EventConsumer, partition order, commit after processing, the given decoder
 * (CloudEvents + Avro against the registry in S3, raw in the memory scenario), no-op handler.
 * The window opens at the first batch, as for the raw peer.
 */
export async function eventlineConsume(ctx: BenchContext, topic: string, records: number, decoder?: RecordDecoder, onStarted?: () => void): Promise<ConsumeRun> {
  const window = new ConsumeWindow(ctx.cpu, records);
  const instrumentation = new RuntimeInstrumentation();
  instrumentation.on(RuntimeEvent.BatchStart, () => window.started());
  const consumer = new EventConsumer({
    kafka: ctx.kafka,
    groupId: ctx.topics.group('bench-eventline'),
    instrumentation,
    decoder,
    concurrency: PARTITIONS,
    maxBytesPerPartition: FETCH.maxBytesPerPartition,
    maxBytes: FETCH.maxBytes,
    maxWaitTimeMs: FETCH.maxWaitTimeInMs,
    sessionTimeoutMs: FETCH.sessionTimeout,
    heartbeatIntervalMs: FETCH.heartbeatInterval,
    routes: [{ topic, eventType: '*', mode: ProcessingMode.PartitionOrder, deadLetter: false, handler: () => window.finished() }],
  });
  await consumer.start();
  onStarted?.();
  try {
    return await window.closed('Eventline consumer', timeoutFor(records));
  } finally {
    await consumer.stop();
  }
}

export function avroDecoder(codec: ConstructorParameters<typeof CloudEventAvroDecoder>[0]): RecordDecoder {
  return new CloudEventAvroDecoder(codec, EventCatalog);
}

/**
 * Raw kafkajs: eachBatch, auto-resolve and auto-commit, no decoding. With the shared fetch
 * settings (FETCH) unless `ownFetchDefaults`: then with kafkajs's own (1 MiB per partition,
 * 10 MiB per fetch, 5 s max wait), to show the shared settings do not hold the peer back.
 */
export async function kafkajsConsume(ctx: BenchContext, kafka: Kafka, topic: string, records: number, ownFetchDefaults = false): Promise<ConsumeRun> {
  const window = new ConsumeWindow(ctx.cpu, records);
  const fetch = ownFetchDefaults ? { sessionTimeout: FETCH.sessionTimeout, heartbeatInterval: FETCH.heartbeatInterval } : FETCH;
  const consumer = kafka.consumer({ groupId: ctx.topics.group('bench-kafkajs'), allowAutoTopicCreation: false, ...fetch });
  await consumer.connect();
  try {
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    await consumer.run({
      partitionsConsumedConcurrently: PARTITIONS,
      eachBatch: async ({ batch }) => {
        window.started();
        window.finished(batch.messages.length);
      },
    });
    return await window.closed('kafkajs consumer', timeoutFor(records));
  } finally {
    await consumer.disconnect();
  }
}
