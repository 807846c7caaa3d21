import type { Context } from '@opentelemetry/api';
import type { ReadableSpan, Span, SpanProcessor } from '@opentelemetry/sdk-trace-base';

/**
 * Counts the spans the SDK records, beside the BatchSpanProcessor: a span that is not sampled
 * never reaches a processor, so `started` is the number of recorded spans. Two increments per
 * recorded span; nothing per unsampled one.
 */
export class CountingSpanProcessor implements SpanProcessor {
  started = 0;
  ended = 0;

  onStart(_span: Span, _parentContext: Context): void {
    this.started++;
  }

  onEnd(_span: ReadableSpan): void {
    this.ended++;
  }

  async forceFlush(): Promise<void> {
    return undefined;
  }

  async shutdown(): Promise<void> {
    return undefined;
  }
}
