/**
 * The console against the real broker, signed in with a users file. Expected: nothing but
 * /health answers before sign-in; a wrong password or a foreign Origin is refused; a viewer
 * gets 403 on an operator route; a state change without the CSRF token is refused; an
 * operator's action, its refusal and the sign-ins (refused ones too) are in the audit topic (append-only,
 * kept) before the answers return, and GET /api/audit lists them newest first.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Controller, Module, Post } from '@nestjs/common';
import pino from 'pino';
import { Classification, EventlineError } from '@eventline/errors';
import { testKafka, uniqueName } from '@eventline/testing';
import type { AuditPage, SessionInfo } from '../src/api/console-api.types';
import { createConsoleApp, type ConsoleApp } from '../src/app/create-console-app';
import { CurrentUser } from '../src/access/current-user.decorator';
import type { ConsoleUser } from '../src/access/console-user';
import { hashPassword } from '../src/access/password-hash';
import { RequiresRole } from '../src/access/requires-role.decorator';
import { AuditLog } from '../src/audit/audit.log';
import { readConsoleConfig } from '../src/config/console-config';

class GroupActiveError extends EventlineError<'GROUP_ACTIVE'> {
  constructor() {
    super('GROUP_ACTIVE', 'the group has 2 active members; stop them first', Classification.Final);
  }
}

/** Two operator actions as a feature module would write them. */
@Controller('api/probe')
class ProbeController {
  constructor(private readonly audit: AuditLog) {}

  @Post('reset')
  @RequiresRole('operator')
  reset(@CurrentUser() user: ConsoleUser): Promise<{ rows: number }> {
    return this.audit.record(user, 'groups.reset', { groupId: 'probe-group' }, async () => ({ rows: 3 }), { summarize: (r) => r });
  }

  @Post('refused')
  @RequiresRole('operator')
  refused(@CurrentUser() user: ConsoleUser): Promise<never> {
    return this.audit.record(user, 'groups.reset', { groupId: 'busy-group' }, async () => {
      throw new GroupActiveError();
    });
  }
}

@Module({ controllers: [ProbeController] })
class ProbeModule {}

interface Answer<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

describe('signed-in actions are audited', () => {
  const dir = mkdtempSync(join(tmpdir(), 'console-int-'));
  const auditTopic = uniqueName('console-audit');
  let app: ConsoleApp;

  const call = async <T = unknown>(method: string, path: string, options: { cookie?: string; csrf?: string; body?: unknown; origin?: string } = {}): Promise<Answer<T>> => {
    const response = await fetch(`${app.url}${path}`, {
      method,
      headers: {
        ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(options.cookie ? { cookie: options.cookie } : {}),
        ...(options.csrf ? { 'x-csrf-token': options.csrf } : {}),
        ...(options.origin ? { origin: options.origin } : {}),
      },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T, headers: response.headers };
  };

  const signIn = async (user: string, password: string) => {
    const answer = await call<SessionInfo>('POST', '/api/session', { body: { user, password } });
    expect(answer.status).toBe(200);
    const setCookie = answer.headers.get('set-cookie') ?? '';
    return { cookie: setCookie.split(';')[0], csrf: answer.body.csrfToken, setCookie, info: answer.body };
  };

  beforeAll(async () => {
    const usersFile = join(dir, 'users.json');
    writeFileSync(
      usersFile,
      JSON.stringify({
        users: [
          { name: 'ada', role: 'operator', passwordHash: await hashPassword('ada-password-1') },
          { name: 'bob', role: 'viewer', passwordHash: await hashPassword('bob-password-1') },
        ],
      }),
    );
    const config = readConsoleConfig({ ...process.env, CONSOLE_USERS_FILE: usersFile, CONSOLE_PORT: '0', CONSOLE_AUDIT_TOPIC: auditTopic }, { defaultWebDir: join(dir, 'web') });
    app = await createConsoleApp(config, { extraModules: [ProbeModule], nestLogger: false, log: pino({ level: 'silent' }) });
  });

  afterAll(async () => {
    await app?.close();
    const admin = testKafka().admin();
    await admin.connect();
    await admin.deleteTopics({ topics: [auditTopic] }).catch(() => undefined);
    await admin.disconnect();
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses, signs in, enforces roles and CSRF, and lists every action in the audit log', async () => {
    expect((await call('GET', '/health')).status).toBe(200);
    expect(await call('GET', '/api/session')).toMatchObject({ status: 401, body: { error: { code: 'UNAUTHENTICATED' } } });
    expect(await call('GET', '/api/audit')).toMatchObject({ status: 401 });

    const wrong = await call('POST', '/api/session', { body: { user: 'ada', password: 'nope' } });
    const unknown = await call('POST', '/api/session', { body: { user: 'eve', password: 'nope' } });
    expect(wrong).toMatchObject({ status: 401, body: { error: { code: 'LOGIN_FAILED' } } });
    // The same words for a wrong password and an unknown user.
    expect(unknown.body).toEqual(wrong.body);
    expect(await call('POST', '/api/session', { body: { user: 'ada', password: 'ada-password-1' }, origin: 'https://evil.example' })).toMatchObject({
      status: 403,
    });

    const ada = await signIn('ada', 'ada-password-1');
    expect(ada.info).toEqual({ user: 'ada', role: 'operator', authMode: 'users', csrfToken: expect.any(String) });
    expect(ada.setCookie).toMatch(/HttpOnly/);
    expect(ada.setCookie).toMatch(/SameSite=Strict/);
    expect(ada.setCookie).toMatch(/Path=\//);
    expect(ada.setCookie).not.toMatch(/Secure/);
    expect(await call('GET', '/api/session', { cookie: ada.cookie })).toMatchObject({ status: 200, body: { user: 'ada', csrfToken: ada.csrf } });
    const bob = await signIn('bob', 'bob-password-1');

    const forbidden = await call('POST', '/api/probe/reset', { cookie: bob.cookie, csrf: bob.csrf });
    expect(forbidden).toMatchObject({ status: 403, body: { error: { code: 'FORBIDDEN', message: expect.stringContaining('operator') } } });
    expect(await call('POST', '/api/probe/reset', { cookie: ada.cookie })).toMatchObject({ status: 403, body: { error: { code: 'CSRF_REJECTED' } } });
    expect(await call('POST', '/api/probe/reset', { cookie: ada.cookie, csrf: bob.csrf })).toMatchObject({ status: 403, body: { error: { code: 'CSRF_REJECTED' } } });

    expect(await call('POST', '/api/probe/reset', { cookie: ada.cookie, csrf: ada.csrf })).toMatchObject({ status: 201, body: { rows: 3 } });
    expect(await call('POST', '/api/probe/refused', { cookie: ada.cookie, csrf: ada.csrf })).toMatchObject({
      status: 409,
      body: { error: { code: 'GROUP_ACTIVE', message: 'the group has 2 active members; stop them first' } },
    });

    // Written before the answers returned: the audit topic holds them now, no waiting.
    const page = await call<AuditPage>('GET', '/api/audit?limit=10', { cookie: bob.cookie });
    expect(page.status).toBe(200);
    const summary = page.body.entries.map((e) => [e.user, e.action, e.outcome]);
    expect(summary).toEqual([
      ['ada', 'groups.reset', 'refused'],
      ['ada', 'groups.reset', 'succeeded'],
      ['bob', 'login', 'succeeded'],
      ['ada', 'login', 'succeeded'],
      ['eve', 'login', 'refused'],
      ['ada', 'login', 'refused'],
    ]);
    expect(page.body.entries[0]).toMatchObject({ role: 'operator', request: { groupId: 'busy-group' }, error: { code: 'GROUP_ACTIVE' } });
    expect(page.body.entries[1]).toMatchObject({ request: { groupId: 'probe-group' }, result: { rows: 3 }, at: expect.any(String) });
    expect(JSON.stringify(page.body)).not.toMatch(/password-1|nope/);
    expect(page.body.nextBefore).toBeNull();

    // Newest first, page by page: `before` is the oldest offset of the page just read.
    const first = await call<AuditPage>('GET', '/api/audit?limit=3', { cookie: bob.cookie });
    expect(first.body.entries.map((e) => e.offset)).toEqual(page.body.entries.slice(0, 3).map((e) => e.offset));
    const second = await call<AuditPage>('GET', `/api/audit?limit=3&before=${first.body.nextBefore}`, { cookie: bob.cookie });
    expect(second.body.entries.map((e) => e.offset)).toEqual(page.body.entries.slice(3, 6).map((e) => e.offset));
    expect(second.body.nextBefore).toBeNull();

    const admin = testKafka().admin();
    await admin.connect();
    try {
      const [offsets] = await admin.fetchTopicOffsets(auditTopic);
      expect(offsets).toMatchObject({ partition: 0, low: '0', high: '6' });
      const configs = await admin.describeConfigs({ includeSynonyms: false, resources: [{ type: 2, name: auditTopic, configNames: ['cleanup.policy', 'retention.ms'] }] });
      const entries = Object.fromEntries(configs.resources[0].configEntries.map((e) => [e.configName, e.configValue]));
      expect(entries).toEqual({ 'cleanup.policy': 'delete', 'retention.ms': '-1' });
    } finally {
      await admin.disconnect();
    }

    expect((await call('DELETE', '/api/session', { cookie: ada.cookie })).status).toBe(403);
    expect((await call('DELETE', '/api/session', { cookie: ada.cookie, csrf: ada.csrf })).status).toBe(204);
    expect((await call('GET', '/api/session', { cookie: ada.cookie })).status).toBe(401);
  });
});
