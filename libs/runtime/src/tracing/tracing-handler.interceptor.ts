import { context, propagation, ROOT_CONTEXT, SpanKind, trace, type Tracer } from '@opentelemetry/api';
import type { HandlerInterceptor, HandlerInvocation } from '../consumer/handler-interceptor';
import { activeTracer } from './active-tracer';
import { holdFailedAttempt } from './failed-attempts';
import { KAFKA_SYSTEM, MessagingAttribute } from './messaging-attributes';
import { recordHeaderGetter } from './record-header-carrier';
import { markFailed, settle } from './settle';
import { SpanNames } from './span-names';

/**
 * A CONSUMER span `process <topic>` per handler attempt, child of the producer's context read
 * from the record's `traceparent` (so one order is one trace across services) and linked to
 * it, as the messaging conventions ask of a process span; the attempt number is an attribute,
 * a failure its `error.type` (the error's code) and what followed (the retry and its backoff,
 * the dead letter, the stop) an event the executor adds before it ends the span. Work the
 * handler does — a publish to the next topic — runs inside it and continues the trace.
 *
 * Without a tracer given, the runtime's tracer of the registered SDK; with no SDK the record
 * goes straight to `next` (see active-tracer.ts). The attributes are set once the span is
 * known to record, so an unsampled record builds none of them.
 *
 * Install it outermost, before every other handler interceptor (the Nest module does).
 */
export function tracingHandlerInterceptor(tracer?: Tracer): HandlerInterceptor {
  const names = new SpanNames('process');
  return (invocation: HandlerInvocation, next) => {
    const current = tracer ?? activeTracer();
    if (current === undefined) return next();
    const producer = propagation.extract(ROOT_CONTEXT, invocation.headers, recordHeaderGetter);
    const producerSpan = trace.getSpanContext(producer);
    const parent = producerSpan ? producer : context.active();
    const span = current.startSpan(names.of(invocation.topic), { kind: SpanKind.CONSUMER, links: producerSpan ? [{ context: producerSpan }] : [] }, parent);
    if (!span.isRecording()) return next();
    span.setAttributes({
      [MessagingAttribute.System]: KAFKA_SYSTEM,
      [MessagingAttribute.Operation]: 'process',
      [MessagingAttribute.OperationName]: 'process',
      [MessagingAttribute.Destination]: invocation.topic,
      [MessagingAttribute.Partition]: String(invocation.partition),
      [MessagingAttribute.Offset]: invocation.offset,
      [MessagingAttribute.ConsumerGroup]: invocation.groupId,
      [MessagingAttribute.EventType]: invocation.eventType,
      [MessagingAttribute.Attempt]: invocation.attempt,
      ...(invocation.eventId !== undefined ? { [MessagingAttribute.MessageId]: invocation.eventId } : {}),
      ...(invocation.key !== null ? { [MessagingAttribute.Key]: invocation.key.toString() } : {}),
    });
    return settle(
      () => context.with(trace.setSpan(parent, span), next),
      () => span.end(),
      (error) => {
        markFailed(span, error);
        // The executor ends it once it has decided (retry, dead letter, stop): failed-attempts.ts.
        if (!holdFailedAttempt(error, span)) span.end();
      },
    );
  };
}
