import { classificationOf } from '@eventline/errors';

/**
 * What kind of failure an error is. This and `failure-decision.ts` are the only places that
 * look at an error to decide what happens to a record.
 */
export const FailureKind = {
  /** The record itself is bad (undecodable, unknown schema id, missing headers): it will fail forever. */
  Poison: 'poison',
  /** Worth another attempt (broker or registry away, a timeout, a handler's transient failure). */
  Retriable: 'retriable',
  /** Said by its thrower to be final for this record. */
  NonRetriable: 'non-retriable',
  /** A bug (TypeError and kin): retrying runs the same code on the same input. */
  Programming: 'programming',
} as const;
export type FailureKind = (typeof FailureKind)[keyof typeof FailureKind];

const PROGRAMMING_ERRORS: ReadonlyArray<new (...args: never[]) => Error> = [TypeError, ReferenceError, SyntaxError, RangeError, EvalError, URIError];

/**
 * Errors that say what they are (the classified-error protocol every Eventline error
 * implements, or a lone `retriable` flag as kafkajs's errors carry) are taken at their word.
 * Of the rest, built-in programming errors are not retried; anything else a handler throws
 * counts as retriable, bounded by the route's max attempts.
 */
export function classifyFailure(error: unknown): FailureKind {
  const { poison, retriable } = classificationOf(error);
  if (poison === true) return FailureKind.Poison;
  if (retriable === true) return FailureKind.Retriable;
  if (retriable === false) return FailureKind.NonRetriable;
  if (PROGRAMMING_ERRORS.some((type) => error instanceof type)) return FailureKind.Programming;
  return FailureKind.Retriable;
}

/** The error's stable code when it has one, else its class name: what dead-letter headers and metrics carry. */
export function errorCode(error: unknown): string {
  if (typeof error === 'object' && error !== null) {
    const code = (error as Record<string, unknown>).code;
    if (typeof code === 'string' && code !== '') return code;
    if (typeof code === 'number') return String(code);
  }
  return errorClass(error);
}

export function errorClass(error: unknown): string {
  if (error instanceof Error) return error.name || error.constructor.name;
  return typeof error;
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
