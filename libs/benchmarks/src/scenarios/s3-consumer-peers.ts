import type { Kafka } from 'kafkajs';
import { EventCatalog } from '@eventline/contracts';
import {
  CloudEventAvroDecoder,
  EventConsumer,
  type EventConsumerOptions,
  type HandlerInterceptor,
  kafkaJsClient,
  ProcessingMode,
  type RecordDecoder,
  RuntimeEvent,
  RuntimeInstrumentation,
  tracingHandlerInterceptor,
} from '@eventline/runtime';
import type { BenchContext } from '../bench-context';
import { ConsumeWindow } from '../support/consumer-run';
import { FETCH, PARTITIONS } from '../support/fetch-settings';
import { checkTracedRun, runTraced, type SpanCounts } from '../support/traced-run';
import type { TracingVariantSpec } from './tracing-variants.settings';

export interface ConsumeRun {
  readonly recordsPerSecond: number;
  readonly cpu: ReturnType<BenchContext['cpu']['since']>;
}

const timeoutFor = (records: number) => records + 120_000; // ≥ 1,000 rec/s, or something is wrong

interface ConsumeOptions {
  readonly decoder?: RecordDecoder;
  readonly onStarted?: () => void;
  readonly interceptors?: readonly HandlerInterceptor[];
}

async function consume(ctx: BenchContext, topic: string, records: number, { decoder, onStarted, interceptors }: ConsumeOptions): Promise<ConsumeRun> {
  const window = new ConsumeWindow(ctx.cpu, records);
  const instrumentation = new RuntimeInstrumentation();
  instrumentation.on(RuntimeEvent.BatchStart, () => window.started());
  const options: EventConsumerOptions = {
    client: kafkaJsClient(ctx.kafka),
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
    ...(interceptors ? { interceptors } : {}),
  };
  const consumer = new EventConsumer(options);
  await consumer.start();
  onStarted?.();
  try {
    return await window.closed('Eventline consumer', timeoutFor(records));
  } finally {
    await consumer.stop();
  }
}

/**
 * Eventline: EventConsumer, partition order, commit after processing, the given decoder
 * (CloudEvents + Avro against the registry in S3, raw in the memory scenario), no-op handler.
 * The window opens at the first batch, as for the raw peer.
 */
export function eventlineConsume(ctx: BenchContext, topic: string, records: number, decoder?: RecordDecoder, onStarted?: () => void): Promise<ConsumeRun> {
  return consume(ctx, topic, records, { decoder, onStarted });
}

export interface InterceptedConsumeRun extends ConsumeRun {
  /** How often the interceptor ran: once per handled record on a runtime that has interceptors, 0 on one that has not. */
  readonly interceptorCalls: number;
}

/**
 * The same consumer with one no-op interceptor, `(_invocation, next) => next()`, plus a call
 * counter (one increment per record, noise beside decoding one): what issue 13 bounds at
 * 10 % of the consumer without it, and how a run tells a runtime without interceptors.
 */
export async function eventlineConsumeIntercepted(ctx: BenchContext, topic: string, records: number, decoder?: RecordDecoder): Promise<InterceptedConsumeRun> {
  let interceptorCalls = 0;
  const noop: HandlerInterceptor = (_invocation, next) => {
    interceptorCalls++;
    return next();
  };
  const run = await consume(ctx, topic, records, { decoder, interceptors: [noop] });
  return { ...run, interceptorCalls };
}

export interface TracedConsumeRun extends ConsumeRun {
  readonly spans: SpanCounts;
}

/**
 * The Eventline consumer as a tracing variant (tracing-variants.settings.ts): the same
 * consumer with `interceptors: [tracingHandlerInterceptor()]` (or the diagnostic no-op one),
 * checked afterwards: every record through the interceptor, spans recorded as the variant
 * says. The backlog's records carry no trace context (an untraced producer wrote them, as for
 * every S3 peer), so every process span is a root, sampled by the consumer's own sampler.
 */
export async function eventlineConsumeTraced(ctx: BenchContext, topic: string, records: number, decoder: RecordDecoder | undefined, spec: TracingVariantSpec): Promise<TracedConsumeRun> {
  const { result, spans } = await runTraced(spec, (arm) => consume(ctx, topic, records, { decoder, interceptors: [arm.interceptor(() => tracingHandlerInterceptor())] }));
  checkTracedRun(spec, spans, { calls: records });
  return { ...result, spans };
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
