import { SpanStatusCode, type Span } from '@opentelemetry/api';
import { MessagingAttribute } from './messaging-attributes';

/**
 * Runs `work` and calls `ok` or `fail` when it is done, without turning a synchronous result
 * into a promise: an interceptor built on this keeps the consumer's synchronous path
 * synchronous (interceptors/interceptor.ts). `fail`'s error is rethrown.
 */
export function settle(work: () => void | Promise<void>, ok: () => void, fail: (error: unknown) => void): void | Promise<void> {
  let result: void | Promise<void>;
  try {
    result = work();
  } catch (error) {
    fail(error);
    throw error;
  }
  if (result && typeof (result as Promise<void>).then === 'function') {
    return (result as Promise<void>).then(ok, (error: unknown) => {
      fail(error);
      throw error;
    });
  }
  ok();
}

/** `error.type` in the conventions: the error's stable code when it has one, else its class. */
export function errorCodeOf(error: unknown): string {
  const code = (error as { code?: unknown } | undefined)?.code;
  if (typeof code === 'string' && code !== '') return code;
  return error instanceof Error ? error.name : '_OTHER';
}

/** Marks a span failed: the exception, `error.type` and an error status; it stays open. */
export function markFailed(span: Span, error: unknown): void {
  span.recordException(error instanceof Error ? error : String(error));
  span.setAttribute(MessagingAttribute.ErrorType, errorCodeOf(error));
  span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.message : String(error) });
}

/** A failed span, ended. */
export function failSpan(span: Span, error: unknown): void {
  markFailed(span, error);
  span.end();
}
