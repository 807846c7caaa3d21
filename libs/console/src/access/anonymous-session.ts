import { randomToken } from './session-store';

/**
 * With CONSOLE_AUTH=off every request is the anonymous operator; state changes still need
 * this process-wide CSRF token, so another site the operator visits cannot drive the console.
 */
export class AnonymousSession {
  readonly csrfToken = randomToken();
}
