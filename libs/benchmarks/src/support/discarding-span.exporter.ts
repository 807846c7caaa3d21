import { ExportResultCode, type ExportResult } from '@opentelemetry/core';
import type { ReadableSpan, SpanExporter } from '@opentelemetry/sdk-trace-base';
import { MessagingAttribute } from '@eventline/runtime';

/**
 * A span exporter that counts what it is given and throws it away: the traced benchmark runs
 * pay for creating, ending and batching spans (the BatchSpanProcessor in front of it) but not
 * for serializing them or for a collector's network round trip, which depend on where the
 * spans go. It reports success on the next turn of the event loop rather than inside
 * `export`, as an exporter that writes to a socket does, so the processor keeps one export in
 * flight and fills its queue meanwhile, the same batching a real exporter sees.
 */
export class DiscardingSpanExporter implements SpanExporter {
  private exportedSpans = 0;
  private withOffset = 0;
  private batches = 0;

  export(spans: ReadableSpan[], resultCallback: (result: ExportResult) => void): void {
    this.batches++;
    this.exportedSpans += spans.length;
    // A span that reached its end through the acknowledgement (publish) or the handler
    // (consume) carries the record's offset: the count shows the spans are whole, not stubs.
    for (const span of spans) if (span.attributes[MessagingAttribute.Offset] !== undefined) this.withOffset++;
    setImmediate(() => resultCallback({ code: ExportResultCode.SUCCESS }));
  }

  async shutdown(): Promise<void> {
    return undefined;
  }

  async forceFlush(): Promise<void> {
    return undefined;
  }

  /** Spans exported so far, how many carried a record offset, and in how many export calls. */
  get counts(): { readonly exported: number; readonly withOffset: number; readonly batches: number } {
    return { exported: this.exportedSpans, withOffset: this.withOffset, batches: this.batches };
  }
}
