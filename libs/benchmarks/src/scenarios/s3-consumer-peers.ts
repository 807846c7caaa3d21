import type { Kafka } from 'kafkajs';
import { EventCatalog } from '@eventline/contracts';
import { CloudEventAvroDecoder, EventConsumer, type EventConsumerOptions, kafkaJsClient, ProcessingMode, type RecordDecoder, RuntimeEvent, RuntimeInstrumentation } from '@eventline/runtime';
import type { BenchContext } from '../bench-context';
import { ConsumeWindow } from '../support/consumer-run';
import { FETCH, PARTITIONS } from '../support/fetch-settings';

export interface ConsumeRun {
  readonly recordsPerSecond: number;
  readonly cpu: ReturnType<BenchContext['cpu']['since']>;
}

const timeoutFor = (records: number) => records + 120_000; // ≥ 1,000 rec/s, or something is wrong

/**
 * The around-hook issue 13 adds to EventConsumerOptions: `interceptors`, each called with the
 * invocation and a `next` that runs the rest of the chain and the handler. Declared here in
 * the loosest shape that any such hook accepts (the invocation is not looked at) so that this
 * file builds against a runtime with the option and one without: EventConsumer ignores
 * options it does not know, and then the interceptor is simply never called.
 */
type NoopInterceptor = (invocation: unknown, next: () => void | Promise<void>) => void | Promise<void>;

interface ConsumeOptions {
  readonly decoder?: RecordDecoder;
  readonly onStarted?: () => void;
  readonly interceptors?: readonly NoopInterceptor[];
}

async function consume(ctx: BenchContext, topic: string, records: number, { decoder, onStarted, interceptors }: ConsumeOptions): Promise<ConsumeRun> {
  const window = new ConsumeWindow(ctx.cpu, records);
  const instrumentation = new RuntimeInstrumentation();
  instrumentation.on(RuntimeEvent.BatchStart, () => window.started());
  // The intersection lets `interceptors` through whether or not EventConsumerOptions declares
  // it yet; once it does, the type checker holds NoopInterceptor to the runtime's own type.
  const options: EventConsumerOptions & { readonly interceptors?: readonly NoopInterceptor[] } = {
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
  const noop: NoopInterceptor = (_invocation, next) => {
    interceptorCalls++;
    return next();
  };
  const run = await consume(ctx, topic, records, { decoder, interceptors: [noop] });
  return { ...run, interceptorCalls };
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
