import { Classification, EventlineError } from '@eventline/errors';

/** The console's own codes (access, CSRF, audit, configuration); part of the API contract. */
export const ConsoleErrorCode = {
  ConfigInvalid: 'CONSOLE_CONFIG_INVALID',
  Unauthenticated: 'UNAUTHENTICATED',
  LoginFailed: 'LOGIN_FAILED',
  LoginThrottled: 'LOGIN_THROTTLED',
  Forbidden: 'FORBIDDEN',
  CsrfRejected: 'CSRF_REJECTED',
  BadRequest: 'BAD_REQUEST',
  AuditUnavailable: 'AUDIT_UNAVAILABLE',
  KafkaUnavailable: 'KAFKA_UNAVAILABLE',
  Internal: 'INTERNAL',
  /** The topic, subject, version, record or job asked for does not exist. */
  NotFound: 'NOT_FOUND',
  /** The registry answered something other than what its API promises. */
  RegistryFailed: 'REGISTRY_FAILED',
  /** The same kind of long operation on the same target is still running. */
  AlreadyRunning: 'ALREADY_RUNNING',
} as const;
export type ConsoleErrorCode = (typeof ConsoleErrorCode)[keyof typeof ConsoleErrorCode];

/** Retriable: the same request may pass later without the caller changing anything. */
const RETRIABLE: ReadonlySet<ConsoleErrorCode> = new Set([ConsoleErrorCode.LoginThrottled, ConsoleErrorCode.AuditUnavailable, ConsoleErrorCode.KafkaUnavailable, ConsoleErrorCode.AlreadyRunning]);

export class ConsoleError extends EventlineError<ConsoleErrorCode> {
  override readonly name = 'ConsoleError';

  constructor(
    code: ConsoleErrorCode,
    message: string,
    options: { readonly cause?: unknown; readonly detail?: Record<string, unknown>; readonly retryAfterSeconds?: number } = {},
  ) {
    super(code, message, RETRIABLE.has(code) ? Classification.Transient : Classification.Final, { cause: options.cause });
    this.detail = options.detail;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }

  /** Answered as `error.detail` (never secrets). */
  readonly detail?: Record<string, unknown>;
  /** Answered as the `Retry-After` header. */
  readonly retryAfterSeconds?: number;
}

/** A query parameter or body field that cannot work; `detail.field` names it. */
export const badRequest = (field: string, message: string) => new ConsoleError(ConsoleErrorCode.BadRequest, message, { detail: { field } });

export const notFound = (message: string, detail?: Record<string, unknown>) => new ConsoleError(ConsoleErrorCode.NotFound, message, { detail });
