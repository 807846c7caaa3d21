import type { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Secret } from '@eventline/connection';
import type { Role } from '../api/console-api.types';
import type { ConsoleAuth, ConsoleConfig } from '../config/console-config';
import { AccessGuard } from './access.guard';
import { AnonymousSession } from './anonymous-session';
import { Authenticator } from './authenticator';
import { SESSION_COOKIE, type ConsoleRequest } from './console-request';
import { PublicRoute } from './public-route.decorator';
import { RequiresRole } from './requires-role.decorator';
import { SessionStore } from './session-store';

class Routes {
  read(): string {
    return 'read';
  }
  @RequiresRole('operator')
  redrive(): string {
    return 'redrive';
  }
  @PublicRoute()
  health(): string {
    return 'health';
  }
}

const TOKEN = 'a-long-enough-shared-token';

function setup(auth: ConsoleAuth) {
  const config = { auth, trustProxy: false, sessionTtlMs: 60_000 } as ConsoleConfig;
  const sessions = new SessionStore(60_000);
  const anonymous = new AnonymousSession();
  const guard = new AccessGuard(new Reflector(), config, sessions, new Authenticator(config), anonymous);
  const run = (route: keyof Routes, request: Partial<ConsoleRequest>) => {
    const full = { method: 'GET', path: '/api/x', socket: {}, ...request, headers: { host: '127.0.0.1:3300', ...request.headers } } as ConsoleRequest;
    const context = {
      getType: () => 'http',
      getHandler: () => Routes.prototype[route],
      getClass: () => Routes,
      switchToHttp: () => ({ getRequest: () => full }),
    } as unknown as ExecutionContext;
    try {
      guard.canActivate(context);
      return { passed: true, user: full.consoleUser };
    } catch (error) {
      return { passed: false, code: (error as { code: string }).code, message: (error as Error).message, detail: (error as { detail?: unknown }).detail };
    }
  };
  const signIn = (role: Role) => sessions.create({ name: role === 'operator' ? 'ada' : 'bob', role, authMode: 'users', via: 'session' });
  return { run, signIn, anonymous };
}

const users: ConsoleAuth = { mode: 'users', users: [], source: 'users.json' };
const cookie = (id: string) => ({ cookie: `other=1; ${SESSION_COOKIE}=${id}` });

describe('the access guard', () => {
  it('answers 401 UNAUTHENTICATED without a session, also for a stale or made-up cookie', () => {
    const { run } = setup(users);
    // The login page learns from the refusal which form to show.
    expect(run('read', {})).toMatchObject({ passed: false, code: 'UNAUTHENTICATED', detail: { authMode: 'users' } });
    expect(run('read', { headers: cookie('made-up') })).toMatchObject({ passed: false, code: 'UNAUTHENTICATED' });
  });

  it('lets public routes through without a session', () => {
    expect(setup(users).run('health', {})).toMatchObject({ passed: true });
  });

  it('lets a viewer read and refuses an operator route with 403 naming the role', () => {
    const { run, signIn } = setup(users);
    const viewer = signIn('viewer');
    expect(run('read', { headers: cookie(viewer.id) })).toMatchObject({ passed: true, user: { name: 'bob', role: 'viewer' } });
    const refused = run('redrive', { method: 'POST', headers: { ...cookie(viewer.id), 'x-csrf-token': viewer.csrfToken } });
    expect(refused).toMatchObject({ passed: false, code: 'FORBIDDEN' });
    expect(refused.message).toMatch(/needs the operator role/);
  });

  it('lets an operator change state with the session CSRF token', () => {
    const { run, signIn } = setup(users);
    const operator = signIn('operator');
    expect(run('redrive', { method: 'POST', headers: { ...cookie(operator.id), 'x-csrf-token': operator.csrfToken } })).toMatchObject({ passed: true });
  });

  it.each<[string, Record<string, string> | undefined]>([
    ['no CSRF token', undefined],
    ['an empty token', { 'x-csrf-token': '' }],
    ['another session’s token', { 'x-csrf-token': 'x'.repeat(43) }],
  ])('refuses a state change with %s (403 CSRF_REJECTED), before the role check', (_name, extra) => {
    const { run, signIn } = setup(users);
    const viewer = signIn('viewer');
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
      expect(run('redrive', { method, headers: { ...cookie(viewer.id), ...extra } })).toMatchObject({ passed: false, code: 'CSRF_REJECTED' });
    }
  });

  it('takes a bearer token in token mode without CSRF, and refuses a wrong one with 401', () => {
    const { run } = setup({ mode: 'token', token: new Secret(TOKEN, 'test'), role: 'operator' });
    expect(run('redrive', { method: 'POST', headers: { authorization: `Bearer ${TOKEN}` } })).toMatchObject({ passed: true, user: { via: 'bearer', role: 'operator' } });
    expect(run('read', { headers: { authorization: 'Bearer wrong' } })).toMatchObject({ passed: false, code: 'UNAUTHENTICATED' });
  });

  it('ignores a bearer token in users mode', () => {
    expect(setup(users).run('read', { headers: { authorization: `Bearer ${TOKEN}` } })).toMatchObject({ passed: false, code: 'UNAUTHENTICATED' });
  });

  it('with auth off, every request is the anonymous operator, still needing the CSRF token, and only under a loopback Host', () => {
    const { run, anonymous } = setup({ mode: 'off' });
    expect(run('read', {})).toMatchObject({ passed: true, user: { name: 'anonymous', role: 'operator' } });
    expect(run('redrive', { method: 'POST' })).toMatchObject({ passed: false, code: 'CSRF_REJECTED' });
    expect(run('redrive', { method: 'POST', headers: { 'x-csrf-token': anonymous.csrfToken } })).toMatchObject({ passed: true });
    expect(run('read', { headers: { host: 'evil.example:3300' } })).toMatchObject({ passed: false, code: 'FORBIDDEN' });
  });
});
