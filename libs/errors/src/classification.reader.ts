import type { Classification, ClassifiedError } from './classified-error';

/**
 * The one reader of the protocol. Structural, so a caller classifies an error of any library
 * (or of another package in another copy of this one) without importing its class.
 */
export function isClassifiedError(error: unknown): error is ClassifiedError {
  if (typeof error !== 'object' || error === null) return false;
  const e = error as Record<string, unknown>;
  return typeof e.code === 'string' && e.code !== '' && typeof e.poison === 'boolean' && typeof e.retriable === 'boolean';
}

/**
 * The flags an error declares. Eventline's errors declare both; others may declare one or
 * none (kafkajs's errors carry only `retriable`, a handler's own error whatever its author
 * gave it) and are taken at their word for what they declare. A flag that is not a boolean
 * is not declared.
 */
export function classificationOf(error: unknown): Partial<Classification> {
  if (typeof error !== 'object' || error === null) return {};
  const { poison, retriable } = error as Record<string, unknown>;
  return {
    ...(typeof poison === 'boolean' ? { poison } : {}),
    ...(typeof retriable === 'boolean' ? { retriable } : {}),
  };
}

/** Declared poison: the input fails the same way on every attempt. */
export function isPoison(error: unknown): boolean {
  return classificationOf(error).poison === true;
}

/**
 * Declared retriable. Anything that does not say so (a TypeError from a handler, a plain
 * Error) is not: a programming error should stop the process rather than be retried forever.
 */
export function isRetriable(error: unknown): boolean {
  return classificationOf(error).retriable === true;
}
