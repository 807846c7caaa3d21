import type { Message } from 'kafkajs';
import { EventConsumer, type EventContext, EventPublisher, kafkaJsClient, ProcessingMode, RuntimeEvent, RuntimeInstrumentation } from '@eventline/runtime';
import type { BenchContext } from '../bench-context';
import { BENCH_EVENT_TYPE, benchHeaders, benchPayload } from '../support/bench-records';
import { FETCH, PARTITIONS } from '../support/fetch-settings';
import { LatencyRecorder, type LatencyFigures } from '../support/latency-recorder';
import { waitUntil } from '../support/waiting';
import { avroDecoder } from './s3-consumer-peers';

const TICK_MS = 10;

/** A fixed rate held for a while: rate × seconds events in all. */
export interface Pace {
  readonly ratePerSecond: number;
  readonly seconds: number;
}

/**
 * Sends `rate` events per second for `seconds` on a 10 ms tick (bounded: rate × seconds events),
 * each tick's events handed to `send` at once; waits until all arrived (at most 60 s, or as
 * long as sending took, whichever is longer: a saturated peer drains its backlog).
 */
async function paced(pace: Pace, recorder: LatencyRecorder, send: (ids: number[]) => void): Promise<void> {
  const { ratePerSecond, seconds } = pace;
  const total = ratePerSecond * seconds;
  const perTick = (ratePerSecond * TICK_MS) / 1_000;
  const started = performance.now();
  let next = 0;
  while (next < total) {
    const due = Math.min(total, Math.floor(((performance.now() - started) / TICK_MS + 1) * perTick));
    const ids: number[] = [];
    for (; next < due; next++) ids.push(next);
    send(ids);
    await new Promise((resolve) => setTimeout(resolve, TICK_MS));
  }
  const drainMs = Math.max(60_000, performance.now() - started);
  await waitUntil(`S4: ${total} events to arrive (have ${recorder.received})`, () => recorder.received >= total, drainMs, 10);
}

/** Eventline: EventPublisher (Avro via the registry, CloudEvents headers) → EventConsumer (Avro decode, partition order). */
export async function eventlineLatency(ctx: BenchContext, topic: string, pace: Pace): Promise<LatencyFigures> {
  const codec = await ctx.codec();
  const recorder = new LatencyRecorder();
  const instrumentation = new RuntimeInstrumentation();
  let joined = false;
  instrumentation.on(RuntimeEvent.GroupJoined, () => (joined = true));
  const consumer = new EventConsumer({
    client: kafkaJsClient(ctx.kafka),
    groupId: ctx.topics.group('bench-s4-eventline'),
    decoder: avroDecoder(codec),
    instrumentation,
    concurrency: PARTITIONS,
    maxBytesPerPartition: FETCH.maxBytesPerPartition,
    maxBytes: FETCH.maxBytes,
    maxWaitTimeMs: FETCH.maxWaitTimeInMs,
    routes: [{ topic, eventType: '*', mode: ProcessingMode.PartitionOrder, deadLetter: false, handler: (_e: unknown, c: EventContext) => recorder.arrived(c.eventId) }],
  });
  const publisher = new EventPublisher({ client: kafkaJsClient(ctx.kafka), codec, source: '/eventline/benchmarks', topicOf: () => topic });
  await publisher.connect();
  // The schema registers on the first publish; do it before the clock runs.
  await publisher.publish(BENCH_EVENT_TYPE, benchPayload(-1), { id: 'warm-up' });
  await consumer.start();
  try {
    await waitUntil('S4 Eventline consumer to join', () => joined, 30_000);
    await paced(pace, recorder, (ids) => {
      for (const i of ids) {
        recorder.sent(`bench-${i}`);
        void publisher.publish(BENCH_EVENT_TYPE, benchPayload(i), { id: `bench-${i}` });
      }
    });
    return recorder.figures();
  } finally {
    await publisher.disconnect();
    await consumer.stop();
  }
}

/**
 * Raw kafkajs: an idempotent producer (acks=all) sending whatever accumulated while the
 * previous send was in flight (one send at a time, like the publisher's coalescing) → an
 * eachBatch consumer reading ce_id from the headers.
 */
export async function kafkajsLatency(ctx: BenchContext, topic: string, encode: (i: number) => Buffer, pace: Pace): Promise<LatencyFigures> {
  const recorder = new LatencyRecorder();
  const producer = ctx.kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
  const consumer = ctx.kafka.consumer({ groupId: ctx.topics.group('bench-s4-kafkajs'), allowAutoTopicCreation: false, ...FETCH });
  let joined = false;
  consumer.on(consumer.events.GROUP_JOIN, () => (joined = true));
  await producer.connect();
  await consumer.connect();
  await consumer.subscribe({ topics: [topic], fromBeginning: true });
  await consumer.run({
    partitionsConsumedConcurrently: PARTITIONS,
    eachBatch: async ({ batch }) => {
      for (const message of batch.messages) recorder.arrived(message.headers?.ce_id?.toString());
    },
  });
  const pending: Message[] = [];
  let sending: Promise<void> | undefined;
  const pump = () => {
    if (sending || pending.length === 0) return;
    const messages = pending.splice(0, pending.length);
    sending = producer.send({ topic, acks: -1, messages }).then(() => {
      sending = undefined;
      pump();
    });
  };
  try {
    await waitUntil('S4 kafkajs consumer to join', () => joined, 30_000);
    await paced(pace, recorder, (ids) => {
      for (const i of ids) {
        recorder.sent(`bench-${i}`);
        pending.push({ key: benchPayload(i).orderId, value: encode(i), headers: benchHeaders(i) });
      }
      pump();
    });
    return recorder.figures();
  } finally {
    await sending;
    await producer.disconnect();
    await consumer.disconnect();
  }
}
