import { ApiRequestError, CLIENT_ERROR_CODES, errorFromBody } from './api-error';

/**
 * Every call the web UI makes to the console server goes through here: same-origin cookies,
 * the session's CSRF token on state-changing methods, the API's error shape turned into an
 * ApiRequestError, and a 401 anywhere reported once to the session (which shows the login).
 */

type Query = Record<string, string | number | boolean | null | undefined>;
type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

let csrfToken: string | null = null;
let onUnauthorized: (() => void) | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export function setUnauthorizedHandler(handler: (() => void) | null): void {
  onUnauthorized = handler;
}

/** `/api/x` + `?a=1&b=2`, leaving out empty values. */
export function apiPath(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    params.set(name, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

/** A path segment from a topic, group or subject name (they may hold dots, slashes, colons). */
export const seg = (value: string | number): string => encodeURIComponent(String(value));

async function request<T>(method: Method, path: string, body?: unknown, options: { quiet401?: boolean } = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(path, { method, headers, credentials: 'same-origin', ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
  } catch {
    throw new ApiRequestError(0, { code: CLIENT_ERROR_CODES.network, message: 'The console server cannot be reached' });
  }
  const text = await response.text();
  let parsed: unknown = null;
  if (text) {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = null;
    }
  }
  if (!response.ok) {
    const error = errorFromBody(response.status, parsed, response.statusText);
    if (response.status === 401 && !options.quiet401) onUnauthorized?.();
    throw error;
  }
  return parsed as T;
}

export const api = {
  get: <T>(path: string, query?: Query) => request<T>('GET', apiPath(path, query)),
  post: <T>(path: string, body: unknown = {}) => request<T>('POST', path, body),
  put: <T>(path: string, body: unknown = {}) => request<T>('PUT', path, body),
  delete: <T>(path: string) => request<T>('DELETE', path),
  /** The session calls: their 401 means "not signed in", which the session handles itself. */
  session: {
    get: <T>() => request<T>('GET', '/api/session', undefined, { quiet401: true }),
    post: <T>(body: unknown) => request<T>('POST', '/api/session', body, { quiet401: true }),
    delete: () => request<unknown>('DELETE', '/api/session', undefined, { quiet401: true }),
  },
};
