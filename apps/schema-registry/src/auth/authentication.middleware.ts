import { Logger } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { RegistryErrorCode, httpStatusOf } from '../registry/registry-error-code';
import { RESPONSE_CONTENT_TYPE } from '../http/content-types';
import { AuthMessage, WWW_AUTHENTICATE } from './auth-challenge';
import { AuthenticationFailure, type Authenticator } from './authenticator';
import { setPrincipal } from './request-principal';

type Next = (error?: unknown) => void;

/** The one route served without credentials; RoleGuard marks the same route public. */
const OPEN_PATH = '/health';
const OPEN_METHODS: ReadonlySet<string | undefined> = new Set(['GET', 'HEAD']);

/**
 * Authenticates every request before anything else reads it. Installed ahead of
 * jsonBodyMiddleware on purpose: a stranger's 16 MiB body is refused without being buffered.
 * Only authenticates; what a user may do is RoleGuard's decision, from the route's @Access,
 * and RoleGuard refuses a request that reaches a protected route without a principal, so a
 * path this middleware let through by mistake would still be refused there.
 *
 * Errors thrown in Express middleware do not reach Nest's filters, so the 401 is written here
 * in the same shape RegistryExceptionFilter writes.
 */
export function authenticationMiddleware(authenticator: Authenticator) {
  const logger = new Logger('Authentication');
  return (req: IncomingMessage, res: ServerResponse, next: Next): void => {
    if (OPEN_METHODS.has(req.method) && (req.url ?? '').split('?')[0] === OPEN_PATH) return next();
    authenticator.authenticate(req.headers.authorization).then(
      (result) => {
        if ('principal' in result) {
          setPrincipal(req, result.principal);
          return next();
        }
        const message = result.failure === AuthenticationFailure.Missing ? AuthMessage.Missing : AuthMessage.Invalid;
        send(res, RegistryErrorCode.Unauthorized, message);
      },
      (error: unknown) => {
        // Only scrypt can fail here, and its errors are about parameters, not the password.
        // Express's own handler would answer in HTML; clients expect the registry's JSON.
        logger.error(`checking credentials failed: ${error instanceof Error ? error.message : String(error)}`);
        send(res, RegistryErrorCode.StoreError, 'internal error while checking credentials');
      },
    );
  };
}

function send(res: ServerResponse, code: RegistryErrorCode, message: string): void {
  res.statusCode = httpStatusOf(code);
  res.setHeader('Content-Type', RESPONSE_CONTENT_TYPE);
  if (code === RegistryErrorCode.Unauthorized) res.setHeader('WWW-Authenticate', WWW_AUTHENTICATE);
  res.end(JSON.stringify({ error_code: code, message }));
}
