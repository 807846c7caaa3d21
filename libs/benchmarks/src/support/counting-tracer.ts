import { trace, type Context, type Span, type SpanOptions, type Tracer } from '@opentelemetry/api';
import { EVENTLINE_TRACER } from '@eventline/runtime';

/**
 * The runtime's own tracer (`trace.getTracer('@eventline/runtime')`, what the tracing
 * interceptors use by default) behind a counter: how many spans the interceptor started and
 * how many of them record. Those two numbers are what tells a traced run from a broken one
 * (an interceptor that never ran, an SDK that was not registered); the counting is two
 * increments and a field read per span, noise beside the span itself.
 */
export class CountingTracer implements Tracer {
  started = 0;
  recording = 0;
  private readonly inner: Tracer = trace.getTracer(EVENTLINE_TRACER);

  startSpan(name: string, options?: SpanOptions, ctx?: Context): Span {
    const span = this.inner.startSpan(name, options, ctx);
    this.started++;
    if (span.isRecording()) this.recording++;
    return span;
  }

  // The interceptors only start spans; this is here to be a whole Tracer.
  startActiveSpan = ((...args: unknown[]) => (this.inner.startActiveSpan as (...a: unknown[]) => unknown).apply(this.inner, args)) as Tracer['startActiveSpan'];
}
