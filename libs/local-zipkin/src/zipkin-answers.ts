import { LocalZipkinError, LocalZipkinErrorCode } from './local-zipkin.error';
import type { ZipkinSpan } from './zipkin-span';

/**
 * The shapes of Zipkin's v2 query answers, checked before they are handed on, so a proxy's
 * HTML page or another server on the port fails here with its endpoint named instead of as
 * an undefined deep in a test.
 */
function unexpected(endpoint: string, what: string, body: unknown): LocalZipkinError {
  const shown = JSON.stringify(body) ?? String(body);
  return new LocalZipkinError(
    LocalZipkinErrorCode.UnexpectedAnswer,
    `${endpoint} answered ${shown.length > 200 ? `${shown.slice(0, 200)}…` : shown}, not ${what}`,
    'Check that the URL is a Zipkin server (its /health names "zipkin").',
  );
}

function isSpan(value: unknown): value is ZipkinSpan {
  if (typeof value !== 'object' || value === null) return false;
  const span = value as Record<string, unknown>;
  return typeof span.traceId === 'string' && typeof span.id === 'string';
}

/** `GET /api/v2/services`: the service names, sorted by Zipkin. */
export function parseServices(body: unknown, endpoint = '/api/v2/services'): string[] {
  if (!Array.isArray(body) || !body.every((name) => typeof name === 'string')) throw unexpected(endpoint, 'a list of service names', body);
  return body;
}

/** `GET /api/v2/trace/{id}`: the spans of one trace. */
export function parseSpans(body: unknown, endpoint = '/api/v2/trace'): ZipkinSpan[] {
  if (!Array.isArray(body) || !body.every(isSpan)) throw unexpected(endpoint, 'a list of spans', body);
  return body;
}

/** `GET /api/v2/traces`: a list of traces, each a list of spans. */
export function parseTraces(body: unknown, endpoint = '/api/v2/traces'): ZipkinSpan[][] {
  if (!Array.isArray(body) || !body.every((trace) => Array.isArray(trace) && trace.every(isSpan))) {
    throw unexpected(endpoint, 'a list of traces', body);
  }
  return body;
}

/** The distinct trace ids, in Zipkin's order (newest first). */
export function traceIdsOf(traces: readonly (readonly ZipkinSpan[])[]): string[] {
  const ids = new Set<string>();
  for (const trace of traces) for (const span of trace) ids.add(span.traceId);
  return [...ids];
}
