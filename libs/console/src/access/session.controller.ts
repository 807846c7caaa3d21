import { Body, Controller, Delete, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import type { Logger } from 'pino';
import type { SessionInfo } from '../api/console-api.types';
import { CONSOLE_CONFIG, CONSOLE_LOGGER } from '../app/console.tokens';
import { AuditLog } from '../audit/audit.log';
import type { ConsoleConfig } from '../config/console-config';
import { ConsoleError, ConsoleErrorCode } from '../errors/console.error';
import { AnonymousSession } from './anonymous-session';
import { Authenticator } from './authenticator';
import { clientAddress, header, isHttps, ownOrigin, SESSION_COOKIE, type ConsoleRequest } from './console-request';
import { ANONYMOUS, type ConsoleUser } from './console-user';
import { LoginThrottle } from './login-throttle';
import { PublicRoute } from './public-route.decorator';
import { SessionStore } from './session-store';

/** The part of Express's response this controller uses. */
interface CookieResponse {
  cookie(name: string, value: string, options: Record<string, unknown>): void;
  clearCookie(name: string, options: Record<string, unknown>): void;
}

/** Every sign-in refusal says the same: which part was wrong is never told. */
const LOGIN_FAILED = 'sign-in failed: the user name and password (or the token) were not accepted';

/** `POST /api/session` signs in, `GET` says who is signed in, `DELETE` signs out. */
@Controller('api/session')
export class SessionController {
  constructor(
    @Inject(CONSOLE_CONFIG) private readonly config: ConsoleConfig,
    @Inject(CONSOLE_LOGGER) private readonly log: Logger,
    private readonly authenticator: Authenticator,
    private readonly sessions: SessionStore,
    private readonly throttle: LoginThrottle,
    private readonly anonymous: AnonymousSession,
    private readonly audit: AuditLog,
  ) {}

  @Post()
  @PublicRoute()
  @HttpCode(200)
  async login(@Req() request: ConsoleRequest, @Res({ passthrough: true }) response: CookieResponse, @Body() body: unknown): Promise<SessionInfo> {
    if (this.config.auth.mode === 'off') return this.info(ANONYMOUS, this.anonymous.csrfToken);
    // The login is the one state change without a CSRF token (there is no session yet), so a
    // browser's Origin must be our own: another site cannot sign the operator in as itself.
    const origin = header(request, 'origin');
    if (origin !== undefined && origin.toLowerCase() !== ownOrigin(request, this.config.trustProxy)) {
      throw new ConsoleError(ConsoleErrorCode.Forbidden, 'sign-in from another site is refused');
    }
    const address = clientAddress(request, this.config.trustProxy);
    const waitMs = this.throttle.waitMs(address);
    if (waitMs > 0) {
      const seconds = Math.ceil(waitMs / 1000);
      throw new ConsoleError(ConsoleErrorCode.LoginThrottled, `too many failed sign-ins from this address; try again in ${seconds} s`, { retryAfterSeconds: seconds });
    }
    const user = await this.authenticator.login(body);
    const claimed = claimedName(body, this.config);
    if (!user) {
      this.throttle.failed(address);
      // Best effort: a refusal is answered even when the audit log is away.
      await this.audit
        .append({ user: claimed, role: 'viewer', action: 'login', request: { address }, outcome: 'refused', error: { code: ConsoleErrorCode.LoginFailed, message: LOGIN_FAILED } })
        .catch((error: unknown) => this.log.warn({ err: error }, 'a refused sign-in could not be written to the audit log'));
      throw new ConsoleError(ConsoleErrorCode.LoginFailed, LOGIN_FAILED);
    }
    this.throttle.succeeded(address);
    // Written before the session exists: a sign-in the audit log does not hold does not happen.
    await this.audit.append({ user: user.name, role: user.role, action: 'login', request: { address }, outcome: 'succeeded' });
    const session = this.sessions.create(user);
    response.cookie(SESSION_COOKIE, session.id, {
      httpOnly: true,
      sameSite: 'strict',
      path: '/',
      secure: isHttps(request, this.config.trustProxy),
      maxAge: this.config.sessionTtlMs,
    });
    return this.info(user, session.csrfToken);
  }

  @Get()
  current(@Req() request: ConsoleRequest): SessionInfo {
    const user = request.consoleUser ?? ANONYMOUS;
    if (user.via === 'anonymous') return this.info(user, this.anonymous.csrfToken);
    // A script with a bearer token needs no CSRF token.
    return this.info(user, this.sessions.get(request.consoleSessionId)?.csrfToken ?? '');
  }

  @Delete()
  @HttpCode(204)
  logout(@Req() request: ConsoleRequest, @Res({ passthrough: true }) response: CookieResponse): void {
    this.sessions.delete(request.consoleSessionId);
    response.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'strict', path: '/', secure: isHttps(request, this.config.trustProxy) });
  }

  private info(user: ConsoleUser, csrfToken: string): SessionInfo {
    return { user: user.name, role: user.role, authMode: user.authMode, csrfToken };
  }
}

/** Who a refused sign-in claimed to be, for the audit log (never the password or token). */
function claimedName(body: unknown, config: ConsoleConfig): string {
  if (config.auth.mode === 'token') return 'token';
  const user = typeof body === 'object' && body !== null ? (body as Record<string, unknown>).user : undefined;
  return typeof user === 'string' && user !== '' ? user.slice(0, 64) : '(none)';
}
