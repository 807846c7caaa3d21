import { context, propagation, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { AlwaysOnSampler, BasicTracerProvider, BatchSpanProcessor, ParentBasedSampler, TraceIdRatioBasedSampler } from '@opentelemetry/sdk-trace-base';
import { CountingSpanProcessor } from './counting-span.processor';
import { DiscardingSpanExporter } from './discarding-span.exporter';

/** An SDK registered for one traced run; `uninstall` flushes it and leaves the API as it found it. */
export interface InstalledTracing {
  readonly exporter: DiscardingSpanExporter;
  /** Spans recorded (started and ended) by the SDK. */
  readonly recorded: CountingSpanProcessor;
  uninstall(): Promise<void>;
}

/**
 * Registers what an app with tracing on registers, globally, as `@opentelemetry/sdk-node`
 * does with its defaults: a BasicTracerProvider with a parent-based sampler (the root's
 * decision: always on at ratio 1, else TraceIdRatioBasedSampler(ratio), i.e.
 * OTEL_TRACES_SAMPLER=parentbased_traceidratio), a BatchSpanProcessor with its default queue
 * (2,048 spans, batches of 512, 5 s delay) in front of an exporter that discards, the
 * AsyncLocalStorage context manager and the W3C trace-context propagator. A counting processor
 * beside the batch one tells how many spans were recorded.
 *
 * Refuses to register over something already registered: a run measured with another SDK (or
 * one left behind by a failed run) would not be the variant it claims to be.
 */
export function installTracing(sampleRatio: number): InstalledTracing {
  if (!(sampleRatio > 0 && sampleRatio <= 1)) throw new RangeError(`sample ratio must be in (0, 1], got ${sampleRatio}`);
  const exporter = new DiscardingSpanExporter();
  const root = sampleRatio === 1 ? new AlwaysOnSampler() : new TraceIdRatioBasedSampler(sampleRatio);
  const recorded = new CountingSpanProcessor();
  const provider = new BasicTracerProvider({ sampler: new ParentBasedSampler({ root }), spanProcessors: [recorded, new BatchSpanProcessor(exporter)] });
  const contextManager = new AsyncLocalStorageContextManager().enable();
  const registered = [trace.setGlobalTracerProvider(provider), context.setGlobalContextManager(contextManager), propagation.setGlobalPropagator(new W3CTraceContextPropagator())];
  const uninstall = async () => {
    try {
      await provider.forceFlush();
      await provider.shutdown();
    } finally {
      trace.disable();
      context.disable();
      propagation.disable();
    }
  };
  if (registered.includes(false)) {
    void uninstall();
    throw new Error('an OpenTelemetry tracer provider, context manager or propagator is already registered in this process; the traced run would not measure its own SDK');
  }
  return { exporter, recorded, uninstall };
}
