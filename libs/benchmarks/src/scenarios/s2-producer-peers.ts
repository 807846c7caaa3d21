import { Partitioners, type Message } from 'kafkajs';
import type { AvroCodec } from '@eventline/codec';
import type { OrderPlaced } from '@eventline/contracts';
import {
  EventPublisher,
  kafkaJsClient,
  type KafkaClient,
  type OutgoingEvent,
  type PublishInterceptor,
  RuntimeEvent,
  RuntimeInstrumentation,
  tracingPublishInterceptor,
} from '@eventline/runtime';
import type { BenchContext } from '../bench-context';
import { SEND_BATCH } from '../support/backlog';
import { BENCH_EVENT_TYPE, benchPayload } from '../support/bench-records';
import type { CpuUsage } from '../support/cpu-meter';
import { PARTITIONS } from '../support/fetch-settings';
import { checkTracedRun, runTraced, type SpanCounts } from '../support/traced-run';
import { TraceparentCounter } from '../support/traceparent-counter';
import type { TracingVariantSpec } from './tracing-variants.settings';

export interface ProduceRun {
  readonly recordsPerSecond: number;
  readonly cpu: CpuUsage;
  /** Records per acknowledged send, as the peer's own counters saw them. */
  readonly recordsPerSend: number;
}

/**
 * The inputs are built before the clock starts and reused round-robin: creating payload
 * objects is the caller's work, not the publisher's, so neither peer pays for it. POOL
 * distinct records (keys spread over every partition) are enough for that.
 */
const POOL = 10_000;

export function payloadPool(records: number): OrderPlaced[] {
  return Array.from({ length: Math.min(records, POOL) }, (_, i) => benchPayload(i));
}

export function messagePool(records: number, message: (i: number) => Message): Message[] {
  return Array.from({ length: Math.min(records, POOL) }, (_, i) => message(i));
}

/**
 * Eventline: `publishMany` of SEND_BATCH events, awaited before the next, so exactly one
 * batch of SEND_BATCH records is in flight, as for the raw peer. The publisher validates and
 * Avro-encodes every payload, adds the CloudEvents headers (a fresh UUID ce_id each) and
 * checks the acknowledgement partition by partition. Its batch limits are raised to
 * SEND_BATCH records and 1 MiB so the coalescing queue sends each call as one batch (the
 * defaults, 500 records / 512 KiB, would split it in two).
 */
export async function eventlinePublish(
  ctx: BenchContext,
  codec: AvroCodec,
  topic: string,
  records: number,
  payloads: readonly OrderPlaced[],
  around: { readonly interceptors?: readonly PublishInterceptor[]; readonly client?: (client: KafkaClient) => KafkaClient } = {},
): Promise<ProduceRun> {
  const instrumentation = new RuntimeInstrumentation();
  let sends = 0;
  let acknowledged = 0;
  instrumentation.on(RuntimeEvent.Published, ({ count }) => {
    sends++;
    acknowledged += count;
  });
  const client = kafkaJsClient(ctx.kafka);
  const publisher = new EventPublisher({
    client: around.client ? around.client(client) : client,
    codec,
    source: '/eventline/benchmarks',
    topicOf: () => topic,
    maxBatchCount: SEND_BATCH,
    maxBatchBytes: 1024 * 1024,
    instrumentation,
    ...(around.interceptors ? { interceptors: around.interceptors } : {}),
  });
  await publisher.connect();
  try {
    // The schema registers and the partition count is looked up on the first publish: before the clock.
    await publisher.publish(BENCH_EVENT_TYPE, payloads[0]);
    sends = 0;
    acknowledged = 0;
    const start = ctx.cpu.snapshot();
    for (let from = 0; from < records; from += SEND_BATCH) {
      const events: OutgoingEvent[] = [];
      for (let i = from; i < Math.min(records, from + SEND_BATCH); i++) events.push({ type: BENCH_EVENT_TYPE, payload: payloads[i % payloads.length] });
      await publisher.publishMany(events);
    }
    const cpu = ctx.cpu.since(start);
    return { recordsPerSecond: records / cpu.wallSeconds, cpu, recordsPerSend: acknowledged / Math.max(sends, 1) };
  } finally {
    await publisher.disconnect();
  }
}

export interface TracedProduceRun extends ProduceRun {
  readonly spans: SpanCounts;
  /** Records sent with a `traceparent` header. */
  readonly tracedRecords: number;
}

/**
 * The Eventline peer as a tracing variant (tracing-variants.settings.ts): the same publish
 * with `tracingPublishInterceptor()` (or the diagnostic no-op interceptor), checked afterwards:
 * every event through the interceptor, and as many records sent with a traceparent as spans
 * recorded (none when off). The schema-registering publish before the clock counts as one.
 */
export async function tracedEventlinePublish(
  ctx: BenchContext,
  codec: AvroCodec,
  topic: string,
  records: number,
  payloads: readonly OrderPlaced[],
  spec: TracingVariantSpec,
): Promise<TracedProduceRun> {
  const traceparents = new TraceparentCounter();
  const { result, spans } = await runTraced(spec, (arm) =>
    eventlinePublish(ctx, codec, topic, records, payloads, { interceptors: [arm.interceptor(() => tracingPublishInterceptor())], client: (client) => traceparents.around(client) }),
  );
  checkTracedRun(spec, spans, { calls: records + 1, tracedRecords: traceparents.traced });
  return { ...result, spans, tracedRecords: traceparents.traced };
}

/**
 * Raw kafkajs: pre-encoded Eventline records (the same Avro bytes, key and CloudEvents
 * headers), SEND_BATCH per `send`, awaited before the next; idempotent, acks=all, the
 * default (murmur2) partitioner, in-flight limit as the publisher's (5; one request at a
 * time is in flight anyway).
 */
export async function kafkajsPublish(ctx: BenchContext, topic: string, records: number, messages: readonly Message[]): Promise<ProduceRun> {
  const producer = ctx.kafka.producer({ idempotent: true, maxInFlightRequests: 5, allowAutoTopicCreation: false });
  await producer.connect();
  try {
    // Metadata for the topic is fetched on the first send: before the clock, as for the publisher.
    await producer.send({ topic, acks: -1, messages: [messages[0]] });
    const start = ctx.cpu.snapshot();
    let sends = 0;
    for (let from = 0; from < records; from += SEND_BATCH) {
      const batch: Message[] = [];
      for (let i = from; i < Math.min(records, from + SEND_BATCH); i++) batch.push(messages[i % messages.length]);
      await producer.send({ topic, acks: -1, messages: batch });
      sends++;
    }
    const cpu = ctx.cpu.since(start);
    return { recordsPerSecond: records / cpu.wallSeconds, cpu, recordsPerSend: records / sends };
  } finally {
    await producer.disconnect();
  }
}

/**
 * Diagnostic, not a target peer: raw kafkajs with the publisher's request shape. Records are
 * grouped by partition before the clock (kafkajs's murmur2, as the publisher), and each batch
 * of SEND_BATCH goes out as one `sendBatch` per partition, all at once, awaited together —
 * what AcknowledgedSender does. The gap between this and the raw peer is the cost of that
 * shape alone; the gap between this and Eventline is encoding, headers and bookkeeping.
 */
export async function kafkajsPerPartitionPublish(ctx: BenchContext, topic: string, records: number, messages: readonly Message[]): Promise<ProduceRun> {
  const partitioner = Partitioners.DefaultPartitioner();
  const partitionMetadata = Array.from({ length: PARTITIONS }, (_, partitionId) => ({ partitionId, leader: 0, partitionErrorCode: 0, replicas: [], isr: [] }));
  const placed = messages.map((message) => ({ ...message, partition: partitioner({ topic, partitionMetadata, message }) }));
  const producer = ctx.kafka.producer({ idempotent: true, maxInFlightRequests: 5, allowAutoTopicCreation: false });
  await producer.connect();
  try {
    await producer.send({ topic, acks: -1, messages: [placed[0]] });
    const start = ctx.cpu.snapshot();
    let sends = 0;
    for (let from = 0; from < records; from += SEND_BATCH) {
      const byPartition = new Map<number, Message[]>();
      for (let i = from; i < Math.min(records, from + SEND_BATCH); i++) {
        const message = placed[i % placed.length];
        const group = byPartition.get(message.partition);
        if (group) group.push(message);
        else byPartition.set(message.partition, [message]);
      }
      await Promise.all([...byPartition.values()].map((group) => producer.sendBatch({ acks: -1, topicMessages: [{ topic, messages: group }] })));
      sends++;
    }
    const cpu = ctx.cpu.since(start);
    return { recordsPerSecond: records / cpu.wallSeconds, cpu, recordsPerSend: records / sends };
  } finally {
    await producer.disconnect();
  }
}
