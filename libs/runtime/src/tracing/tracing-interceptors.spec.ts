import { context, propagation, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import type { HandlerInvocation } from '../consumer/handler-interceptor';
import type { PublishInvocation } from '../publisher/publish-interceptor';
import { ORDER_PAID, fakePublisher, orderPaid } from '../publisher/testing/publisher-fixture';
import { takeFailedAttempt } from './failed-attempts';
import { CE_TRACEPARENT_HEADER, MessagingAttribute } from './messaging-attributes';
import { tracingHandlerInterceptor } from './tracing-handler.interceptor';
import { tracingPublishInterceptor } from './tracing-publish.interceptor';

const exporter = new InMemorySpanExporter();
const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
const tracer = provider.getTracer('spec');
const contextManager = new AsyncLocalStorageContextManager();

beforeAll(() => {
  context.setGlobalContextManager(contextManager.enable());
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
});
afterAll(() => {
  context.disable();
  propagation.disable();
});
afterEach(() => exporter.reset());

function publishOf(overrides: Partial<PublishInvocation> = {}): PublishInvocation {
  return { eventType: 'dev.eventline.orders.OrderPlaced', topic: 'orders', key: 'order-1', id: 'ce-1', payload: {}, headers: {}, ...overrides } as PublishInvocation;
}

function handlerOf(headers: Record<string, string>, overrides: Partial<HandlerInvocation> = {}): HandlerInvocation {
  return {
    groupId: 'fulfillment',
    topic: 'orders',
    partition: 3,
    offset: '9007199254740993',
    key: Buffer.from('order-1'),
    headers,
    timestamp: '0',
    eventType: 'dev.eventline.orders.OrderPlaced',
    eventId: 'ce-1',
    attempt: 1,
    event: {},
    route: 'orders',
    ...overrides,
  };
}

describe('the tracing interceptors', () => {
  it('send a PRODUCER span per event and write its context into traceparent and ce_traceparent', async () => {
    const invocation = publishOf();
    await tracingPublishInterceptor(tracer)(invocation, async () => {
      invocation.receipt = { id: 'ce-1', type: 'dev.eventline.orders.OrderPlaced', topic: 'orders', partition: 2, offset: '41' };
    });
    const [span] = exporter.getFinishedSpans();
    expect(span.name).toBe('send orders');
    expect(span.kind).toBe(SpanKind.PRODUCER);
    expect(span.attributes).toMatchObject({
      [MessagingAttribute.System]: 'kafka',
      [MessagingAttribute.Destination]: 'orders',
      [MessagingAttribute.MessageId]: 'ce-1',
      [MessagingAttribute.Key]: 'order-1',
      [MessagingAttribute.Partition]: '2',
      [MessagingAttribute.Offset]: '41',
    });
    const { traceId, spanId } = span.spanContext();
    expect(invocation.traceparent).toBe(`00-${traceId}-${spanId}-01`);
    expect(invocation.headers[CE_TRACEPARENT_HEADER]).toBe(invocation.traceparent);
  });

  it('continue a trace given with the publish (the outbox relay restoring the request context)', async () => {
    const requestTrace = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
    await tracingPublishInterceptor(tracer)(publishOf({ traceparent: requestTrace }), async () => undefined);
    const [span] = exporter.getFinishedSpans();
    expect(span.spanContext().traceId).toBe('4bf92f3577b34da6a3ce929d0e0e4736');
    expect(span.parentSpanContext?.spanId).toBe('00f067aa0ba902b7');
  });

  it('keep the tracestate given beside that traceparent as the span’s own state, and write it back', async () => {
    const invocation = publishOf({ traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01', headers: { tracestate: 'vendor=abc' } });
    await tracingPublishInterceptor(tracer)(invocation, async () => undefined);
    const [span] = exporter.getFinishedSpans();
    expect(span.spanContext().traceState?.serialize()).toBe('vendor=abc');
    expect(invocation.headers.tracestate).toBe('vendor=abc');
  });

  it('process each attempt in a CONSUMER span that continues the producer trace and links to it; a publish inside continues it too', async () => {
    const published = publishOf();
    await tracingPublishInterceptor(tracer)(published, async () => undefined);
    const [send] = exporter.getFinishedSpans();
    const downstream = publishOf({ topic: 'shipments', id: 'ce-2' });
    await tracingHandlerInterceptor(tracer)(handlerOf({ traceparent: published.traceparent as string }), () => tracingPublishInterceptor(tracer)(downstream, async () => undefined));
    const spans = exporter.getFinishedSpans();
    const process = spans.find((s) => s.name === 'process orders');
    const sendShipments = spans.find((s) => s.name === 'send shipments');
    expect(process?.kind).toBe(SpanKind.CONSUMER);
    expect(process?.spanContext().traceId).toBe(send.spanContext().traceId);
    expect(process?.parentSpanContext?.spanId).toBe(send.spanContext().spanId);
    expect(process?.links.map((l) => l.context.spanId)).toEqual([send.spanContext().spanId]);
    expect(process?.attributes).toMatchObject({
      [MessagingAttribute.ConsumerGroup]: 'fulfillment',
      [MessagingAttribute.Partition]: '3',
      [MessagingAttribute.Offset]: '9007199254740993',
      [MessagingAttribute.Attempt]: 1,
      [MessagingAttribute.MessageId]: 'ce-1',
    });
    expect(sendShipments?.spanContext().traceId).toBe(send.spanContext().traceId);
    expect(sendShipments?.parentSpanContext?.spanId).toBe(process?.spanContext().spanId);
  });

  it('mark a failed attempt with the error code as error.type, rethrow the error and hold the span open for the executor', () => {
    const failure = Object.assign(new Error('no address'), { code: 'ORDER_REJECTED' });
    expect(() =>
      tracingHandlerInterceptor(tracer)(handlerOf({}, { attempt: 2 }), () => {
        throw failure;
      }),
    ).toThrow(failure);
    expect(exporter.getFinishedSpans()).toEqual([]);
    takeFailedAttempt(failure)?.end();
    const [span] = exporter.getFinishedSpans();
    expect(span.status.code).toBe(SpanStatusCode.ERROR);
    expect(span.attributes[MessagingAttribute.ErrorType]).toBe('ORDER_REJECTED');
    expect(span.attributes[MessagingAttribute.Attempt]).toBe(2);
    expect(span.events.map((e) => e.name)).toContain('exception');
  });

  it('end a failed attempt at once when what was thrown is not an object (nothing can hold it)', () => {
    expect(() =>
      tracingHandlerInterceptor(tracer)(handlerOf({}), () => {
        throw 'a string';
      }),
    ).toThrow('a string');
    expect(exporter.getFinishedSpans().map((s) => s.status.code)).toEqual([SpanStatusCode.ERROR]);
  });

  it('keep a synchronous handler synchronous', () => {
    let ran = false;
    const result = tracingHandlerInterceptor(tracer)(handlerOf({}), () => {
      ran = true;
    });
    expect(result).toBeUndefined();
    expect(ran).toBe(true);
    expect(exporter.getFinishedSpans()).toHaveLength(1);
  });

  it('without an SDK, record nothing and leave the record as it was', async () => {
    const invocation = publishOf();
    let called = 0;
    // The global tracer provider is the API's no-op one: nothing was registered.
    await tracingPublishInterceptor(trace.getTracer('no-sdk'))(invocation, async () => void (called += 1));
    expect(called).toBe(1);
    expect(invocation.traceparent).toBeUndefined();
    expect(invocation.headers).toEqual({});
    expect(exporter.getFinishedSpans()).toEqual([]);
  });

  it('without an SDK and no tracer given, go straight to the work: no span object, no headers', async () => {
    const invocation = publishOf();
    let called = 0;
    await tracingPublishInterceptor()(invocation, async () => void (called += 1));
    const handled = handlerOf({ traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01' });
    expect(tracingHandlerInterceptor()(handled, () => void (called += 1))).toBeUndefined();
    expect(called).toBe(2);
    expect(invocation.headers).toEqual({});
    expect(exporter.getFinishedSpans()).toEqual([]);
  });

  it('with an SDK registered later and no tracer given, trace through it (the apps start the SDK before the runtime runs)', async () => {
    trace.setGlobalTracerProvider(provider);
    try {
      const invocation = publishOf();
      await tracingPublishInterceptor()(invocation, async () => undefined);
      expect(exporter.getFinishedSpans().map((s) => s.name)).toEqual(['send orders']);
      expect(invocation.headers[CE_TRACEPARENT_HEADER]).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
    } finally {
      trace.disable();
    }
  });

  it('reach the record through the real publisher: traceparent, ce_traceparent, and the partition and offset on the span', async () => {
    const { kafka, publisher } = await fakePublisher({ interceptors: [tracingPublishInterceptor(tracer)] });
    const receipt = await publisher.publish(ORDER_PAID, orderPaid('order-9'), { id: 'evt-9' });
    const [written] = kafka.allWritten();
    const [span] = exporter.getFinishedSpans();
    const traceparent = `00-${span.spanContext().traceId}-${span.spanContext().spanId}-01`;
    expect(written.headers).toMatchObject({ traceparent, [CE_TRACEPARENT_HEADER]: traceparent, ce_id: 'evt-9' });
    expect(span.attributes).toMatchObject({ [MessagingAttribute.Partition]: String(receipt.partition), [MessagingAttribute.Offset]: receipt.offset });
    await publisher.disconnect();
  });
});
