import type { ConsoleRequest } from './console-request';
import { header } from './console-request';
import { sameSecret } from './authenticator';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export const CSRF_HEADER = 'x-csrf-token';

export function changesState(request: Pick<ConsoleRequest, 'method'>): boolean {
  return !SAFE_METHODS.has(request.method.toUpperCase());
}

/**
 * A state-changing request carries the session's token in `x-csrf-token`. Another site can
 * make the browser send the cookie (SameSite=Strict already stops most of that) but cannot
 * read the token, which only `GET /api/session` answers, to the console's own origin.
 */
export function csrfAccepted(request: ConsoleRequest, expected: string): boolean {
  const sent = header(request, CSRF_HEADER);
  return typeof sent === 'string' && sent.length > 0 && sameSecret(sent, expected);
}
