import { context, propagation, ROOT_CONTEXT, SpanKind, trace, type Tracer } from '@opentelemetry/api';
import type { PublishInterceptor, PublishInvocation } from '../publisher/publish-interceptor';
import { activeTracer } from './active-tracer';
import { failSpan, settle } from './settle';
import { CE_TRACEPARENT_HEADER, KAFKA_SYSTEM, MessagingAttribute, TRACESTATE_HEADER } from './messaging-attributes';
import { stringHeaderSetter } from './record-header-carrier';
import { SpanNames } from './span-names';

/**
 * A PRODUCER span `send <topic>` per published event, from the call to Kafka's
 * acknowledgement, and its context written into the record: `traceparent` (and `tracestate`)
 * as OpenTelemetry's Kafka propagation does, and `ce_traceparent` for the CloudEvents
 * distributed-tracing extension. A `traceparent` given with the publish (the outbox relay
 * restoring the HTTP request's context) is the span's parent, with a `tracestate` header
 * given beside it as its state; else the active context.
 *
 * Only @opentelemetry/api. Without a tracer given, the runtime's tracer of the registered
 * SDK; with no SDK the publish goes straight to `next` (active-tracer.ts), and an unsampled
 * span injects nothing: the record goes out as it would without this interceptor.
 */
export function tracingPublishInterceptor(tracer?: Tracer): PublishInterceptor {
  const names = new SpanNames('send');
  return (invocation: PublishInvocation, next) => {
    const current = tracer ?? activeTracer();
    if (current === undefined) return next();
    // A caller's `tracestate` header belongs to its traceparent (the outbox stores both).
    const given = invocation.headers[TRACESTATE_HEADER];
    const parent =
      invocation.traceparent !== undefined
        ? propagation.extract(ROOT_CONTEXT, given !== undefined ? { traceparent: invocation.traceparent, tracestate: given } : { traceparent: invocation.traceparent })
        : context.active();
    const span = current.startSpan(names.of(invocation.topic), { kind: SpanKind.PRODUCER }, parent);
    if (!span.isRecording()) return next();
    span.setAttributes({
      [MessagingAttribute.System]: KAFKA_SYSTEM,
      [MessagingAttribute.Operation]: 'send',
      [MessagingAttribute.OperationName]: 'send',
      [MessagingAttribute.Destination]: invocation.topic,
      [MessagingAttribute.MessageId]: invocation.id,
      [MessagingAttribute.EventType]: invocation.eventType,
      ...(invocation.key !== undefined ? { [MessagingAttribute.Key]: invocation.key } : {}),
    });
    const active = trace.setSpan(parent, span);
    const carrier: Record<string, string> = {};
    propagation.inject(active, carrier, stringHeaderSetter);
    if (carrier.traceparent !== undefined) {
      invocation.traceparent = carrier.traceparent;
      invocation.headers[CE_TRACEPARENT_HEADER] = carrier.traceparent;
    }
    if (carrier[TRACESTATE_HEADER] !== undefined) invocation.headers[TRACESTATE_HEADER] = carrier[TRACESTATE_HEADER];
    return settle(
      () => context.with(active, next),
      () => {
        const receipt = invocation.receipt;
        if (receipt) span.setAttributes({ [MessagingAttribute.Partition]: String(receipt.partition), [MessagingAttribute.Offset]: receipt.offset });
        span.end();
      },
      (error) => failSpan(span, error),
    );
  };
}
