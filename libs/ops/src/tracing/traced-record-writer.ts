import { propagation, SpanKind, trace, type Attributes, type Span } from '@opentelemetry/api';
import { CloudEventHeader } from '@eventline/contracts';
import { failSpan, KAFKA_SYSTEM, MessagingAttribute, stringHeaderSetter } from '@eventline/runtime';
import { headerText } from '../records/header-text';
import type { PartitionedMessage } from '../write/record-writer';
import { originalSpanContext, retracedHeaders, traceHeaderBytes } from './record-trace-headers';
import type { RunTrace } from './run-span';

/** What a replay or a redrive writes its records with (RecordWriter, or this around it). */
export interface RecordSender {
  send(topic: string, messages: readonly PartitionedMessage[]): Promise<void>;
}

/**
 * Writes a run's records each in a PRODUCER span `send <topic>` of its own, child of the
 * run's span and linked to the context the record was first produced in (its `traceparent`),
 * from the chunk's send to Kafka's acknowledgement; the record goes out with the new span's
 * context in `traceparent`/`ce_traceparent` (and `tracestate`), so its consumer continues the
 * run's trace, linked back to the original one.
 *
 * One span per record rather than one per chunk linked to every record: each consumer's
 * `process` span then has a parent that names its record (`messaging.message.id`), as the
 * runtime's batched publishes do; and a chunk of 5,000 records would be 5,000 links, far past
 * the SDK's default of 128 per span. The cost is paid only when the run's span records.
 *
 * When it does not (no SDK; the sampler left the run out) this is the writer it wraps:
 * the records are passed on as given, byte for byte, and nothing is allocated per record.
 */
export class TracedRecordWriter implements RecordSender {
  /** Bytes tracing adds to each record: send chunks are sized with it (send-chunks.ts). */
  readonly headerAllowance: number;

  constructor(
    private readonly writer: RecordSender,
    private readonly run: RunTrace,
  ) {
    if (!run.recording) {
      this.headerAllowance = 0;
      return;
    }
    const carrier: Record<string, string> = {};
    propagation.inject(run.context, carrier, stringHeaderSetter);
    this.headerAllowance = traceHeaderBytes(carrier);
  }

  send(topic: string, messages: readonly PartitionedMessage[]): Promise<void> {
    if (!this.run.recording || messages.length === 0) return this.writer.send(topic, messages);
    return this.sendTraced(topic, messages);
  }

  private async sendTraced(topic: string, messages: readonly PartitionedMessage[]): Promise<void> {
    const name = `send ${topic}`;
    const spans: Span[] = [];
    const traced = messages.map((message) => {
      const span = this.start(name, topic, message);
      spans.push(span);
      return span.isRecording() ? this.retrace(span, message) : message;
    });
    try {
      await this.writer.send(topic, traced);
    } catch (error) {
      // The writer stops on the first partition Kafka did not acknowledge and says nothing of
      // the others: every record of the chunk is then as good as unwritten (a re-run resends it).
      for (const span of spans) failSpan(span, error);
      throw error;
    }
    for (const span of spans) span.end();
  }

  private start(name: string, topic: string, message: PartitionedMessage): Span {
    const original = originalSpanContext(message.headers);
    const attributes: Attributes = {
      [MessagingAttribute.System]: KAFKA_SYSTEM,
      [MessagingAttribute.Operation]: 'send',
      [MessagingAttribute.OperationName]: 'send',
      [MessagingAttribute.Destination]: topic,
      [MessagingAttribute.Partition]: String(message.partition),
    };
    const id = headerText(message.headers, CloudEventHeader.Id);
    if (id !== undefined) attributes[MessagingAttribute.MessageId] = id;
    const type = headerText(message.headers, CloudEventHeader.Type);
    if (type !== undefined) attributes[MessagingAttribute.EventType] = type;
    if (message.key !== null) attributes[MessagingAttribute.Key] = message.key.toString();
    return this.run.tracer.startSpan(name, { kind: SpanKind.PRODUCER, attributes, links: original ? [{ context: original }] : [] }, this.run.context);
  }

  private retrace(span: Span, message: PartitionedMessage): PartitionedMessage {
    const carrier: Record<string, string> = {};
    propagation.inject(trace.setSpan(this.run.context, span), carrier, stringHeaderSetter);
    // No propagator registered (a tracer provider alone): nothing to write the context with.
    if (carrier[CloudEventHeader.TraceParent] === undefined) return message;
    return { ...message, headers: retracedHeaders(message.headers, carrier) };
  }
}
