import type { Span } from '@opentelemetry/api';

/**
 * The span of a failed handler attempt, handed from the tracing interceptor (which saw the
 * error) to the record executor (which decides what follows: a retry, a dead letter, a stop).
 * The interceptor keeps the span open and holds it under the error; the executor takes it
 * on its one failure path, adds what it decided as an event, ends it, and links the dead
 * letter's span to it. Keyed by the error object itself, so nothing is kept for a record
 * once its error is gone; an error that is not an object cannot be held, and its span ends
 * at once.
 *
 * The tracing interceptor must be the outermost (the Nest module installs it first): an
 * outer interceptor that swallowed the error would leave the span open and unexported.
 */
const held = new WeakMap<object, Span>();

/** Holds `span` for the executor; false when `error` cannot key it (the caller ends the span). */
export function holdFailedAttempt(error: unknown, span: Span): boolean {
  if (error === null || (typeof error !== 'object' && typeof error !== 'function')) return false;
  // One error object thrown for two records (a shared constant): the earlier span ends here
  // rather than never.
  held.get(error)?.end();
  held.set(error, span);
  return true;
}

/** The held span of the attempt that failed with `error`, once; undefined without tracing. */
export function takeFailedAttempt(error: unknown): Span | undefined {
  if (error === null || (typeof error !== 'object' && typeof error !== 'function')) return undefined;
  const span = held.get(error);
  if (span !== undefined) held.delete(error);
  return span;
}
