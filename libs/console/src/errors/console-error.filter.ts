import { Catch, HttpException, Inject, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Logger } from 'pino';
import { isRetriable } from '@eventline/errors';
import type { ApiError } from '../api/console-api.types';
import { CONSOLE_LOGGER } from '../app/console.tokens';
import { ConsoleErrorCode } from './console.error';
import { statusOfCode } from './error-status.table';
import { kafkaJsErrorAnswer } from './kafkajs-error.answer';

interface JsonResponse {
  headersSent: boolean;
  status(code: number): { json(body: unknown): void };
  setHeader(name: string, value: string): void;
}

interface Answer {
  readonly status: number;
  readonly error: ApiError;
  readonly retryAfterSeconds?: number;
  /** Logged with its stack: a bug or an outage of ours. */
  readonly log: boolean;
}

const CODE_OF_STATUS: Readonly<Record<number, string>> = {
  400: 'BAD_REQUEST',
  401: ConsoleErrorCode.Unauthenticated,
  403: ConsoleErrorCode.Forbidden,
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'TOO_MANY_REQUESTS',
  503: 'UNAVAILABLE',
};

const INTERNAL: ApiError = { code: ConsoleErrorCode.Internal, message: 'internal error (see the console log)' };

/**
 * Every error of the console as `{ error: { code, message, detail? } }` (console-api.types.ts):
 * an error with a stable `code` (the @eventline/errors protocol, the ops library, the feature
 * modules) by the status table; a Nest HttpException with its own status; anything else is
 * 500 INTERNAL, logged in full. No answer ever carries a stack.
 */
@Catch()
export class ConsoleErrorFilter implements ExceptionFilter {
  constructor(@Inject(CONSOLE_LOGGER) private readonly log: Logger) {}

  catch(error: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<JsonResponse>();
    const answer = answerFor(error);
    if (answer.log) this.log.error({ err: error }, `${answer.error.code}: ${error instanceof Error ? error.message : String(error)}`);
    if (response.headersSent) return;
    if (answer.retryAfterSeconds !== undefined) response.setHeader('Retry-After', String(answer.retryAfterSeconds));
    response.status(answer.status).json({ error: answer.error });
  }
}

/** The status and body for an error; exported for the specs and for job results (JobView.error). */
export function answerFor(error: unknown): Answer {
  if (error instanceof HttpException) return httpAnswer(error);
  const coded = codedError(error);
  if (coded) {
    const known = statusOfCode(coded.code);
    const retriable = isRetriable(error);
    const status = known ?? (retriable ? 503 : 500);
    const retryAfter = typeof coded.retryAfterSeconds === 'number' ? coded.retryAfterSeconds : status === 503 ? 1 : undefined;
    return {
      status,
      error: { code: coded.code, message: coded.message, ...(coded.detail ? { detail: coded.detail } : {}) },
      ...(retryAfter !== undefined ? { retryAfterSeconds: retryAfter } : {}),
      log: status >= 500,
    };
  }
  const kafka = kafkaJsErrorAnswer(error);
  if (kafka) return { ...kafka, ...(kafka.status === 503 ? { retryAfterSeconds: 1 } : {}), log: kafka.status >= 500 };
  return { status: 500, error: INTERNAL, log: true };
}

function httpAnswer(error: HttpException): Answer {
  const status = error.getStatus();
  const body = error.getResponse();
  const own = typeof body === 'object' && body !== null ? (body as { error?: unknown }).error : undefined;
  if (isApiError(own)) return { status, error: own, log: status >= 500 };
  // Nest's own: `{ statusCode, message, error }` where message may be a list (validation pipes).
  const message = typeof body === 'object' && body !== null ? (body as { message?: unknown }).message : body;
  const text = Array.isArray(message) ? message.join('; ') : typeof message === 'string' ? message : error.message;
  if (status >= 500) return { status, error: INTERNAL, log: true };
  return { status, error: { code: CODE_OF_STATUS[status] ?? `HTTP_${status}`, message: text }, log: false };
}

interface Coded {
  readonly code: string;
  readonly message: string;
  readonly detail?: Record<string, unknown>;
  readonly retryAfterSeconds?: unknown;
}

/** An error that names itself with a string code (Eventline's protocol, or any look-alike). */
function codedError(error: unknown): Coded | undefined {
  if (!(error instanceof Error)) return undefined;
  const { code, detail, retryAfterSeconds } = error as Error & { code?: unknown; detail?: unknown; retryAfterSeconds?: unknown };
  if (typeof code !== 'string' || !/^[A-Z][A-Z0-9_]*$/.test(code)) return undefined;
  return { code, message: error.message, detail: isPlainObject(detail) ? jsonSafe(detail) : undefined, retryAfterSeconds };
}

function isApiError(value: unknown): value is ApiError {
  return isPlainObject(value) && typeof value.code === 'string' && typeof value.message === 'string';
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.getPrototypeOf(value) === Object.prototype;
}

/** bigint offsets as decimal strings: JSON.stringify throws on a bigint. */
function jsonSafe(detail: Record<string, unknown>): Record<string, unknown> {
  return JSON.parse(JSON.stringify(detail, (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value))) as Record<string, unknown>;
}
