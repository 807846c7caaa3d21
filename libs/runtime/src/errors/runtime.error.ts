import { EventlineError } from '@eventline/errors';

/**
 * Errors the runtime raises itself. Like every Eventline error they carry a stable `code`,
 * a `retriable` flag, a `poison` flag and the `cause` (the protocol of @eventline/errors), so
 * one classifier can read them all.
 */
export const RuntimeErrorCode = {
  ConfigInvalid: 'RUNTIME_CONFIG_INVALID',
  DeadLetterWriteFailed: 'RUNTIME_DEAD_LETTER_WRITE_FAILED',
  RecordWithoutValue: 'RUNTIME_RECORD_WITHOUT_VALUE',
} as const;
export type RuntimeErrorCode = (typeof RuntimeErrorCode)[keyof typeof RuntimeErrorCode];

export class RuntimeError extends EventlineError<RuntimeErrorCode> {
  override readonly name = 'RuntimeError';

  constructor(code: RuntimeErrorCode, message: string, retriable: boolean, poison = false, options?: { cause?: unknown }) {
    super(code, message, { retriable, poison }, options);
  }
}

/** Thrown at construction when consumer or route options make no sense; says what to change. */
export function configError(message: string): RuntimeError {
  return new RuntimeError(RuntimeErrorCode.ConfigInvalid, message, false);
}
