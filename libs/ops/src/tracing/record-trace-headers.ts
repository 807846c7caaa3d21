import { propagation, ROOT_CONTEXT, trace, type SpanContext } from '@opentelemetry/api';
import type { IHeaders } from 'kafkajs';
import { CloudEventHeader } from '@eventline/contracts';
import { CE_TRACEPARENT_HEADER, recordHeaderGetter, TRACESTATE_HEADER } from '@eventline/runtime';

const TRACEPARENT = CloudEventHeader.TraceParent;
const TRACE_HEADERS: ReadonlySet<string> = new Set([TRACEPARENT, TRACESTATE_HEADER, CE_TRACEPARENT_HEADER]);

/**
 * The context the record was first produced in, from its `traceparent` (and `tracestate`)
 * through the registered propagator; a record that carries only the CloudEvents extension's
 * `ce_traceparent` (another producer's binary-mode event) is read from that. A dead letter
 * has its original's headers (the runtime copies them), so this is the failed event's producer.
 */
export function originalSpanContext(headers: IHeaders | undefined): SpanContext | undefined {
  if (headers === undefined) return undefined;
  const found = trace.getSpanContext(propagation.extract(ROOT_CONTEXT, headers, recordHeaderGetter));
  if (found !== undefined || headers[CE_TRACEPARENT_HEADER] === undefined) return found;
  return trace.getSpanContext(propagation.extract(ROOT_CONTEXT, { [TRACEPARENT]: headers[CE_TRACEPARENT_HEADER] }, recordHeaderGetter));
}

/**
 * The record's headers with its trace headers replaced by `carrier`'s (a new span's
 * `traceparent` and `tracestate`, injected): `traceparent` and `ce_traceparent` both name
 * the new span, and an original `tracestate` goes when the new context has none, so no
 * header describes the old trace as if it were the record's.
 */
export function retracedHeaders(headers: IHeaders | undefined, carrier: Readonly<Record<string, string>>): IHeaders {
  const out: IHeaders = {};
  if (headers !== undefined) for (const name of Object.keys(headers)) if (!TRACE_HEADERS.has(name)) out[name] = headers[name];
  out[TRACEPARENT] = carrier[TRACEPARENT];
  out[CE_TRACEPARENT_HEADER] = carrier[TRACEPARENT];
  if (carrier[TRACESTATE_HEADER] !== undefined) out[TRACESTATE_HEADER] = carrier[TRACESTATE_HEADER];
  return out;
}

/**
 * Bytes the trace headers add to each record written under `run` (names and values), so a
 * send chunk sized before the records are traced still fits Kafka's `message.max.bytes`:
 * every record's span is a child of the run's and inherits its `tracestate`, and a
 * `traceparent` is always 55 characters. (A sampler may rewrite a child's `tracestate`; the
 * chunk's byte cap is half the broker's limit, which covers that.)
 */
export function traceHeaderBytes(carrier: Readonly<Record<string, string>>): number {
  const traceparent = carrier[TRACEPARENT];
  if (traceparent === undefined) return 0;
  const tracestate = carrier[TRACESTATE_HEADER];
  return TRACEPARENT.length + CE_TRACEPARENT_HEADER.length + 2 * traceparent.length + (tracestate !== undefined ? TRACESTATE_HEADER.length + tracestate.length : 0);
}
