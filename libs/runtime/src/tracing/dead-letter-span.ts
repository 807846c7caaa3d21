import { context, propagation, ROOT_CONTEXT, SpanKind, trace, type Context, type Link, type Span } from '@opentelemetry/api';
import type { DeadLetterReceipt } from '../dead-letter/dead-letter.writer';
import type { RecordHeaders } from '../kafka/consumed-record';
import { KAFKA_SYSTEM, MessagingAttribute } from './messaging-attributes';
import { recordHeaderGetter } from './record-header-carrier';
import { failSpan } from './settle';
import { activeTracer } from './active-tracer';

/** What the dead-letter span says about the record it moves. */
export interface DeadLetterSpanInfo {
  readonly deadLetterTopic: string;
  readonly sourceTopic: string;
  readonly sourcePartition: number;
  readonly sourceOffset: string;
  readonly groupId: string;
  readonly errorCode: string;
  readonly eventId: string | undefined;
}

/**
 * The dead-letter write as its own PRODUCER span `send <dead-letter topic>`, a child of the
 * failed attempt's span and linked to it (the link says which attempt sent it there); when
 * the record failed before any handler ran (it could not be decoded), a child of the
 * producer's context from its headers instead. The dead letter keeps the record's own
 * `traceparent`, so a redrive links back to the request that produced it.
 *
 * Without an SDK the span does not record and `write` runs as it would alone.
 */
export function traceDeadLetterWrite(
  info: DeadLetterSpanInfo,
  headers: RecordHeaders | undefined,
  failedAttempt: Span | undefined,
  write: () => Promise<DeadLetterReceipt>,
): Promise<DeadLetterReceipt> {
  const tracer = activeTracer();
  if (tracer === undefined) return write();
  const attempt = failedAttempt?.spanContext();
  const links: Link[] = attempt ? [{ context: attempt, attributes: { 'eventline.link.reason': 'failed attempt' } }] : [];
  const parent: Context = failedAttempt ? trace.setSpan(context.active(), failedAttempt) : headers ? propagation.extract(ROOT_CONTEXT, headers, recordHeaderGetter) : context.active();
  const span = tracer.startSpan(
    `send ${info.deadLetterTopic}`,
    {
      kind: SpanKind.PRODUCER,
      links,
      attributes: {
        [MessagingAttribute.System]: KAFKA_SYSTEM,
        [MessagingAttribute.Operation]: 'send',
        [MessagingAttribute.OperationName]: 'send',
        [MessagingAttribute.Destination]: info.deadLetterTopic,
        [MessagingAttribute.ConsumerGroup]: info.groupId,
        'eventline.dead_letter.source.topic': info.sourceTopic,
        'eventline.dead_letter.source.partition': String(info.sourcePartition),
        'eventline.dead_letter.source.offset': info.sourceOffset,
        'eventline.dead_letter.error_code': info.errorCode,
        ...(info.eventId !== undefined ? { [MessagingAttribute.MessageId]: info.eventId } : {}),
      },
    },
    parent,
  );
  if (!span.isRecording()) return write();
  return write().then(
    (receipt) => {
      span.setAttributes({ [MessagingAttribute.Partition]: String(receipt.partition), [MessagingAttribute.Offset]: receipt.offset });
      span.end();
      return receipt;
    },
    (error: unknown) => {
      failSpan(span, error);
      throw error;
    },
  );
}

/** Names of the events the executor adds to a failed attempt's span before it ends it. */
export const AttemptEvent = {
  RetryScheduled: 'retry scheduled',
  DeadLettered: 'dead-lettered',
  ConsumerStopped: 'consumer stopped',
} as const;
