import { context, propagation, trace, TraceFlags, type SpanContext } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { TraceState, W3CTraceContextPropagator } from '@opentelemetry/core';
import { BasicTracerProvider } from '@opentelemetry/sdk-trace-base';
import { captureTraceContext, traceContextPublishOptions, type OutboxTraceContext } from './outbox-trace-context';

const tracer = new BasicTracerProvider().getTracer('spec');
const contextManager = new AsyncLocalStorageContextManager();

beforeAll(() => context.setGlobalContextManager(contextManager.enable()));
beforeEach(() => propagation.setGlobalPropagator(new W3CTraceContextPropagator()));
afterEach(() => propagation.disable());
afterAll(() => context.disable());

const REMOTE: SpanContext = { traceId: '4bf92f3577b34da6a3ce929d0e0e4736', spanId: '00f067aa0ba902b7', traceFlags: TraceFlags.SAMPLED, isRemote: true };

describe('the trace context of an outbox row', () => {
  it("is captured from the active span, as W3C's traceparent", () => {
    const span = tracer.startSpan('POST /orders');
    const captured = context.with(trace.setSpan(context.active(), span), () => captureTraceContext());
    span.end();
    const { traceId, spanId } = span.spanContext();
    expect(captured).toEqual({ traceparent: `00-${traceId}-${spanId}-01` });
  });

  it('keeps the tracestate the context carries', async () => {
    const withState = trace.setSpanContext(context.active(), { ...REMOTE, traceState: new TraceState('vendor=a1,other=b2') });
    // Across an await too: the order change awaits the schema check and the transaction before it writes the row.
    const captured = await context.with(withState, async () => {
      await new Promise((resolve) => setImmediate(resolve));
      return captureTraceContext();
    });
    expect(captured).toEqual({ traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01', tracestate: 'vendor=a1,other=b2' });
  });

  it('is nothing outside a span', () => {
    expect(captureTraceContext()).toBeUndefined();
  });

  it('is nothing when no propagator is registered (an app without an SDK), even inside a span', () => {
    propagation.disable();
    expect(context.with(trace.setSpanContext(context.active(), REMOTE), () => captureTraceContext())).toBeUndefined();
  });

  it.each<[string, OutboxTraceContext | undefined, object]>([
    ['a row written without one publishes as before', undefined, {}],
    ['a traceparent is the publish parent', { traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01' }, { traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01' }],
    [
      'a tracestate goes as a record header beside it',
      { traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01', tracestate: 'vendor=a1' },
      { traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01', headers: { tracestate: 'vendor=a1' } },
    ],
    ['a tracestate without its traceparent is dropped', { tracestate: 'vendor=a1' }, {}],
  ])('is restored for the publish: %s', (_, stored, options) => {
    expect(traceContextPublishOptions(stored)).toEqual(options);
  });
});
