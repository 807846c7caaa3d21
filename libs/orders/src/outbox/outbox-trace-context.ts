import { context, propagation } from '@opentelemetry/api';
import type { PublishOptions } from '@eventline/nest';

/**
 * The W3C trace context of the order change an outbox event announces, kept in its row
 * (columns `traceparent`, `tracestate`) so that the relay's publish — seconds later, in
 * another round, or after a crash in another process — continues the HTTP request's trace
 * instead of starting one of its own.
 */
export interface OutboxTraceContext {
  readonly traceparent?: string;
  readonly tracestate?: string;
}

const TRACEPARENT = 'traceparent';
const TRACESTATE = 'tracestate';

/**
 * The active context as the globally registered propagator writes it. Only the API: with no
 * SDK or no W3C propagator registered, inject writes nothing and the row keeps NULLs.
 */
export function captureTraceContext(): OutboxTraceContext | undefined {
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  const traceparent = carrier[TRACEPARENT];
  // A tracestate means nothing without the traceparent it belongs to.
  if (traceparent === undefined) return undefined;
  const tracestate = carrier[TRACESTATE];
  return tracestate === undefined || tracestate === '' ? { traceparent } : { traceparent, tracestate };
}

/**
 * The publish options that make a row's stored context the publish's parent. Publish
 * options carry `traceparent` only, so `tracestate` goes as a plain record header: the
 * record then carries both, as W3C propagation would, although the runtime's PRODUCER span
 * itself is started from the traceparent alone.
 */
export function traceContextPublishOptions(stored: OutboxTraceContext | undefined): Pick<PublishOptions, 'traceparent' | 'headers'> {
  if (stored?.traceparent === undefined) return {};
  return stored.tracestate === undefined ? { traceparent: stored.traceparent } : { traceparent: stored.traceparent, headers: { [TRACESTATE]: stored.tracestate } };
}
