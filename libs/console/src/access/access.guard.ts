import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Role } from '../api/console-api.types';
import { CONSOLE_CONFIG } from '../app/console.tokens';
import type { ConsoleConfig } from '../config/console-config';
import { isLoopbackHost } from '../config/loopback-host';
import { ConsoleError, ConsoleErrorCode } from '../errors/console.error';
import { AnonymousSession } from './anonymous-session';
import { Authenticator } from './authenticator';
import { cookieValue, header, SESSION_COOKIE, type ConsoleRequest } from './console-request';
import { ANONYMOUS, hasRole, type ConsoleUser } from './console-user';
import { changesState, csrfAccepted } from './csrf.check';
import { PUBLIC_ROUTE } from './public-route.decorator';
import { REQUIRED_ROLE } from './requires-role.decorator';
import { SessionStore } from './session-store';

/**
 * The one place access is decided, for every route: who is asking (session cookie, bearer
 * token in token mode, or the anonymous operator with auth off), whether a state change
 * carries the CSRF token, and whether the role is enough. Order: 401 before CSRF before
 * 403, so a signed-out caller learns nothing about roles.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(CONSOLE_CONFIG) private readonly config: ConsoleConfig,
    private readonly sessions: SessionStore,
    private readonly authenticator: Authenticator,
    private readonly anonymous: AnonymousSession,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const request = context.switchToHttp().getRequest<ConsoleRequest>();
    const { user, csrfToken } = this.identify(request);
    if (changesState(request) && user.via !== 'bearer' && !csrfAccepted(request, csrfToken)) {
      throw new ConsoleError(ConsoleErrorCode.CsrfRejected, 'this request needs the x-csrf-token header of your session (GET /api/session)');
    }
    const needed = this.reflector.getAllAndOverride<Role | undefined>(REQUIRED_ROLE, targets) ?? 'viewer';
    if (!hasRole(user, needed)) {
      throw new ConsoleError(ConsoleErrorCode.Forbidden, `this needs the ${needed} role; ${user.name} is a ${user.role}`, { detail: { needed, role: user.role } });
    }
    request.consoleUser = user;
    return true;
  }

  private identify(request: ConsoleRequest): { user: ConsoleUser; csrfToken: string } {
    if (this.config.auth.mode === 'off') {
      // Loopback only, and only under a loopback name: a page on another site that rebinds
      // its own DNS name to 127.0.0.1 still sends its own name as Host.
      const host = (header(request, 'host') ?? '').replace(/:\d+$/, '');
      if (!isLoopbackHost(host)) throw new ConsoleError(ConsoleErrorCode.Forbidden, 'with CONSOLE_AUTH=off the console answers only to a loopback address such as 127.0.0.1');
      return { user: ANONYMOUS, csrfToken: this.anonymous.csrfToken };
    }
    const authorization = header(request, 'authorization');
    if (authorization !== undefined) {
      const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
      const user = match ? this.authenticator.bearer(match[1]) : undefined;
      if (!user) throw new ConsoleError(ConsoleErrorCode.Unauthenticated, 'the bearer token was not accepted');
      return { user, csrfToken: '' };
    }
    const session = this.sessions.get(cookieValue(request, SESSION_COOKIE));
    // The mode tells the login page which form to show (user and password, or a token).
    if (!session) throw new ConsoleError(ConsoleErrorCode.Unauthenticated, 'sign in first (POST /api/session)', { detail: { authMode: this.config.auth.mode } });
    request.consoleSessionId = session.id;
    return { user: session.user, csrfToken: session.csrfToken };
  }
}
