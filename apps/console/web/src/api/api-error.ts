import type { ApiError } from './api-types';

/**
 * A failed API call as the pages show it: the server's code and one sentence (never a stack).
 * Network failures and answers that are not the API's error shape get codes of their own.
 */
export class ApiRequestError extends Error implements ApiError {
  readonly code: string;
  readonly detail?: Record<string, unknown>;

  constructor(
    readonly status: number,
    error: ApiError,
  ) {
    super(error.message);
    this.name = 'ApiRequestError';
    this.code = error.code;
    if (error.detail) this.detail = error.detail;
  }
}

export const CLIENT_ERROR_CODES = {
  network: 'NETWORK',
  badAnswer: 'BAD_ANSWER',
} as const;

/** Reads `{ error: { code, message } }` from a failed answer, whatever the body turns out to be. */
export function errorFromBody(status: number, body: unknown, statusText: string): ApiRequestError {
  const error = (body as { error?: Partial<ApiError> } | null)?.error;
  if (error && typeof error.code === 'string' && typeof error.message === 'string') {
    return new ApiRequestError(status, { code: error.code, message: error.message, ...(error.detail ? { detail: error.detail } : {}) });
  }
  return new ApiRequestError(status, { code: CLIENT_ERROR_CODES.badAnswer, message: `The console answered ${status} ${statusText}`.trim() });
}

export function isApiError(error: unknown, code?: string): error is ApiRequestError {
  return error instanceof ApiRequestError && (code === undefined || error.code === code);
}

/** The code of a thrown ApiRequestError or of a plain ApiError (a job's `error`). */
export function codeOf(error: unknown): string | null {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : null;
}

/** One sentence for anything a call may throw, or a job's ApiError. */
export function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  const message = (error as { message?: unknown } | null)?.message;
  return typeof message === 'string' ? message : String(error);
}
