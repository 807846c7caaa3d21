import { context, propagation, SpanKind, SpanStatusCode, trace, type SpanContext } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { DeadLetterWriter } from '../dead-letter/dead-letter.writer';
import { RuntimeInstrumentation } from '../instrumentation/runtime-events';
import { FakeKafkaClient } from '../kafka/fake/fake-kafka-client';
import type { ConsumedRecord } from '../kafka/consumed-record';
import type { EventRoute } from '../consumer/event-route';
import { HeartbeatKeeper } from '../consumer/heartbeat-keeper';
import { rawRecordDecoder, type RecordDecoder } from '../consumer/record-decoder';
import { RecordExecutor } from '../consumer/record-executor';
import { RouteTable } from '../consumer/route-table';
import { AttemptEvent } from './dead-letter-span';
import { MessagingAttribute } from './messaging-attributes';
import { tracingHandlerInterceptor } from './tracing-handler.interceptor';

/**
 * What the record executor adds to the handler's spans: one span per attempt with the retry
 * and its backoff as an event, and the dead-letter write as its own span, a child of the
 * failed attempt and linked to it. Through the real executor and dead-letter writer, with a
 * fake Kafka client and the SDK's in-memory exporter registered as the global provider.
 */
const exporter = new InMemorySpanExporter();
const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
const PRODUCER_TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
const PRODUCER_SPAN = '00f067aa0ba902b7';
const heartbeats = new HeartbeatKeeper(async () => undefined, 1_000);

beforeAll(() => {
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  trace.setGlobalTracerProvider(provider);
});
afterAll(() => {
  trace.disable();
  context.disable();
  propagation.disable();
});
afterEach(() => exporter.reset());

const record: ConsumedRecord = {
  offset: '9007199254740993',
  key: Buffer.from('order-1'),
  value: Buffer.from('v'),
  headers: { ce_id: 'evt-1', traceparent: Buffer.from(`00-${PRODUCER_TRACE}-${PRODUCER_SPAN}-01`) },
  timestamp: '0',
};

function executor(handler: (event: unknown) => unknown, decoder: RecordDecoder = rawRecordDecoder) {
  const kafka = new FakeKafkaClient({ orders: 1, 'orders.dlq': 1 });
  const route = { topic: 'orders', eventType: '*', name: 'orders', retry: { maxAttempts: 3, initialDelayMs: 10, jitter: 0 }, handler } as EventRoute<never>;
  const routes = new RouteTable([route], [tracingHandlerInterceptor()]);
  const run = new RecordExecutor('fulfillment', routes, decoder, new DeadLetterWriter(kafka.producer(), kafka.admin()), new RuntimeInstrumentation());
  return { kafka, execute: (attempt: number) => run.execute('orders', 0, record, attempt, heartbeats) };
}

const spansNamed = (name: string): ReadableSpan[] => exporter.getFinishedSpans().filter((s) => s.name === name);
const retriable = () => Object.assign(new Error('warehouse busy'), { code: 'WAREHOUSE_BUSY', retriable: true });
const poison = () => Object.assign(new Error('no such sku'), { code: 'SKU_UNKNOWN', poison: true, retriable: false });
const idOf = (span: { spanContext(): SpanContext }) => span.spanContext().spanId;

describe('the spans of a record’s attempts and its dead letter', () => {
  it('show a retried record as one span per attempt in the producer’s trace, each failure with its backoff as an event', async () => {
    let calls = 0;
    const { execute } = executor(() => {
      calls += 1;
      if (calls < 3) throw retriable();
    });
    expect(await execute(1)).toMatchObject({ kind: 'retry', nextAttempt: 2 });
    expect(await execute(2)).toMatchObject({ kind: 'retry', nextAttempt: 3 });
    expect(await execute(3)).toEqual({ kind: 'finished', how: 'handled' });

    const attempts = spansNamed('process orders');
    expect(attempts.map((s) => s.attributes[MessagingAttribute.Attempt])).toEqual([1, 2, 3]);
    expect(attempts.map((s) => s.status.code)).toEqual([SpanStatusCode.ERROR, SpanStatusCode.ERROR, SpanStatusCode.UNSET]);
    expect(new Set(attempts.map((s) => s.spanContext().traceId))).toEqual(new Set([PRODUCER_TRACE]));
    for (const [i, failed] of attempts.slice(0, 2).entries()) {
      expect(failed.attributes[MessagingAttribute.ErrorType]).toBe('WAREHOUSE_BUSY');
      const retry = failed.events.find((e) => e.name === AttemptEvent.RetryScheduled);
      expect(retry?.attributes).toEqual({ 'eventline.retry.delay_ms': expect.any(Number), 'eventline.retry.next_attempt': i + 2 });
    }
    expect(attempts[2].events).toEqual([]);
  });

  it('write a dead letter in a span of its own, a child of the failed attempt and linked to it; the dead letter keeps the record’s traceparent', async () => {
    const { execute, kafka } = executor(() => {
      throw poison();
    });
    expect(await execute(1)).toEqual({ kind: 'finished', how: 'dead-lettered' });

    const [attempt] = spansNamed('process orders');
    const [dead] = spansNamed('send orders.dlq');
    expect(attempt.events.map((e) => e.name)).toEqual(['exception', AttemptEvent.DeadLettered]);
    expect(dead.kind).toBe(SpanKind.PRODUCER);
    expect(dead.spanContext().traceId).toBe(PRODUCER_TRACE);
    expect(dead.parentSpanContext?.spanId).toBe(idOf(attempt));
    expect(dead.links.map((l) => [l.context.spanId, l.attributes?.['eventline.link.reason']])).toEqual([[idOf(attempt), 'failed attempt']]);
    expect(dead.attributes).toMatchObject({
      [MessagingAttribute.Destination]: 'orders.dlq',
      [MessagingAttribute.ConsumerGroup]: 'fulfillment',
      [MessagingAttribute.Partition]: '0',
      'eventline.dead_letter.source.offset': '9007199254740993',
      'eventline.dead_letter.error_code': 'SKU_UNKNOWN',
    });
    const written = kafka.produced[0].topics[0].messages[0];
    expect(String(written.headers?.traceparent)).toBe(`00-${PRODUCER_TRACE}-${PRODUCER_SPAN}-01`);
  });

  it('put a record that could not be decoded in the producer’s trace when it is dead-lettered (no attempt ran, nothing to link)', async () => {
    const undecodable: RecordDecoder = {
      ...rawRecordDecoder,
      eventId: () => 'evt-1',
      decode: () => {
        throw poison();
      },
    };
    const { execute } = executor(() => undefined, undecodable);
    expect(await execute(1)).toEqual({ kind: 'finished', how: 'dead-lettered' });

    expect(spansNamed('process orders')).toEqual([]);
    const [dead] = spansNamed('send orders.dlq');
    expect(dead.spanContext().traceId).toBe(PRODUCER_TRACE);
    expect(dead.parentSpanContext?.spanId).toBe(PRODUCER_SPAN);
    expect(dead.links).toEqual([]);
    expect(dead.attributes[MessagingAttribute.MessageId]).toBe('evt-1');
  });
});
