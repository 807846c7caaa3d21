import { trace } from '@opentelemetry/api';
import { activeTracer, tracingHandlerInterceptor, type HandlerInvocation } from '@eventline/runtime';
import { TRACING_VARIANTS, TracingVariant } from '../scenarios/tracing-variants.settings';
import { checkTracedRun, runTraced, type SpanCounts } from './traced-run';
import { installTracing } from './tracing-sdk';

const invocation = (offset: number): HandlerInvocation => ({
  groupId: 'bench',
  topic: 'orders',
  partition: 0,
  offset: String(offset),
  key: Buffer.from('order-1'),
  headers: {},
  timestamp: '0',
  eventType: 'dev.eventline.orders.OrderPlaced',
  eventId: `ce-${offset}`,
  attempt: 1,
  event: {},
  route: 'orders/*',
});

/** Runs `records` handler attempts through the variant's interceptor, as the consumer would. */
async function handled(variant: TracingVariant, records: number): Promise<SpanCounts> {
  const { spans } = await runTraced(TRACING_VARIANTS[variant], async (arm) => {
    const interceptor = arm.interceptor(() => tracingHandlerInterceptor());
    for (let i = 0; i < records; i++) interceptor(invocation(i), () => undefined);
  });
  return spans;
}

describe('a traced benchmark run', () => {
  it.each([
    [TracingVariant.Off, 1_000, { calls: 1_000, recording: 0, exported: 0 }],
    [TracingVariant.NoopInterceptor, 1_000, { calls: 1_000, recording: 0, exported: 0 }],
    [TracingVariant.On100, 1_000, { calls: 1_000, recording: 1_000, exported: 1_000 }],
  ])('%s: counts the calls, the recorded and the exported spans of %i records', async (variant, records, expected) => {
    const spans = await handled(variant, records);
    expect(spans).toMatchObject({ ...expected, exportedWithOffset: expected.exported });
    expect(() => checkTracedRun(TRACING_VARIANTS[variant], spans, { calls: records })).not.toThrow();
  });

  it('on-1: records about 1 % of the spans, and passes its own check', async () => {
    const spans = await handled(TracingVariant.On1, 20_000);
    expect(spans.recording).toBeGreaterThan(100);
    expect(spans.recording).toBeLessThan(300);
    expect(spans.exported).toBe(spans.recording);
    expect(() => checkTracedRun(TRACING_VARIANTS[TracingVariant.On1], spans, { calls: 20_000 })).not.toThrow();
  });

  it('leaves no SDK behind: a tracer taken afterwards does not record', async () => {
    await handled(TracingVariant.On100, 10);
    expect(activeTracer()).toBeUndefined();
    expect(trace.getTracer('after').startSpan('x').isRecording()).toBe(false);
  });

  it('refuses to register over an SDK already registered', async () => {
    const first = installTracing(1);
    try {
      expect(() => installTracing(1)).toThrow('already registered');
    } finally {
      await first.uninstall();
    }
  });

  const counts = (overrides: Partial<SpanCounts>): SpanCounts => ({ calls: 100, recording: 100, exported: 100, exportedWithOffset: 100, ...overrides });
  it.each([
    ['an interceptor that ran for fewer records', TracingVariant.Off, counts({ calls: 99, recording: 0, exported: 0, exportedWithOffset: 0 }), undefined, 'ran 99 times'],
    ['spans recorded with tracing off', TracingVariant.Off, counts({}), undefined, 'without an SDK'],
    ['records given a traceparent with tracing off', TracingVariant.Off, counts({ recording: 0, exported: 0, exportedWithOffset: 0 }), 5, 'got a traceparent'],
    ['spans not recorded at 100 %', TracingVariant.On100, counts({ recording: 90, exported: 90, exportedWithOffset: 90 }), undefined, '90 of 100'],
    ['nothing exported', TracingVariant.On100, counts({ exported: 0, exportedWithOffset: 0 }), undefined, 'no span reached'],
    ['exported spans without an offset', TracingVariant.On100, counts({ exportedWithOffset: 50 }), undefined, 'without a record offset'],
    ['fewer traceparents than recorded spans', TracingVariant.On100, counts({}), 60, '60 records carry'],
    ['a share far from 1 %', TracingVariant.On1, counts({ calls: 100_000, recording: 5_000, exported: 5_000, exportedWithOffset: 5_000 }), undefined, 'expected about 1000'],
  ])('refuses %s', (_case, variant, spans, tracedRecords, message) => {
    expect(() => checkTracedRun(TRACING_VARIANTS[variant], spans, { calls: 100, ...(tracedRecords !== undefined ? { tracedRecords } : {}) })).toThrow(message);
  });
});
