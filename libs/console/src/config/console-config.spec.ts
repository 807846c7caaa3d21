import { readConsoleConfig } from './console-config';

const USERS = JSON.stringify({ users: [{ name: 'ada', role: 'operator', passwordHash: `scrypt$16384$8$1$${Buffer.alloc(16).toString('base64')}$${Buffer.alloc(64).toString('base64')}` }] });
const files: Record<string, string> = { '/run/users.json': USERS, '/run/token': 'a-long-enough-shared-token\n', '/run/short': 'short' };
const readFile = (path: string) => {
  if (path in files) return files[path];
  throw Object.assign(new Error('no such file'), { code: 'ENOENT' });
};
const read = (env: Record<string, string>) => readConsoleConfig({ KAFKA_BROKERS: '127.0.0.1:9092', ...env }, { defaultWebDir: '/web', readFile });
const problemsOf = (env: Record<string, string>): string[] => {
  try {
    read(env);
    return [];
  } catch (error) {
    return (error as { detail: { problems: string[] } }).detail.problems;
  }
};

describe('the console configuration', () => {
  it('defaults: port 3300 on 127.0.0.1, 8 h sessions, the audit topic _eventline-audit', () => {
    const config = read({ CONSOLE_USERS_FILE: '/run/users.json' });
    expect(config).toMatchObject({ port: 3300, host: '127.0.0.1', sessionTtlMs: 8 * 3_600_000, auditTopic: '_eventline-audit', webDir: '/web', trustProxy: false });
    expect(config.auth).toMatchObject({ mode: 'users', users: [{ name: 'ada', role: 'operator' }] });
  });

  it.each<[string, Record<string, string>, string]>([
    ['users when a users file is set', { CONSOLE_USERS_FILE: '/run/users.json' }, 'users'],
    ['token when CONSOLE_TOKEN is set', { CONSOLE_TOKEN: 'a-long-enough-shared-token' }, 'token'],
    ['token when CONSOLE_TOKEN_FILE is set', { CONSOLE_TOKEN_FILE: '/run/token' }, 'token'],
    ['off when asked, on loopback', { CONSOLE_AUTH: 'off', CONSOLE_HOST: '127.0.0.1' }, 'off'],
    ['off on ::1', { CONSOLE_AUTH: 'off', CONSOLE_HOST: '::1' }, 'off'],
  ])('picks the sign-in mode: %s', (_name, env, mode) => {
    expect(read(env).auth.mode).toBe(mode);
  });

  it('reads the token file without its trailing newline, keeps it redacted, and takes the token role', () => {
    const config = read({ CONSOLE_TOKEN_FILE: '/run/token', CONSOLE_TOKEN_ROLE: 'viewer' });
    if (config.auth.mode !== 'token') throw new Error('token mode expected');
    expect(config.auth.token.reveal()).toBe('a-long-enough-shared-token');
    expect(config.auth.role).toBe('viewer');
    expect(JSON.stringify(config)).not.toContain('a-long-enough-shared-token');
  });

  it.each<[string, Record<string, string>, RegExp]>([
    ['no sign-in mode at all, in one line naming the three choices', {}, /^CONSOLE_AUTH is not set: .*CONSOLE_USERS_FILE.*CONSOLE_TOKEN.*CONSOLE_AUTH=off/],
    ['auth off on a reachable address', { CONSOLE_AUTH: 'off', CONSOLE_HOST: '0.0.0.0' }, /CONSOLE_AUTH=off is only allowed on a loopback address, not CONSOLE_HOST=0.0.0.0/],
    ['an unknown mode', { CONSOLE_AUTH: 'ldap' }, /CONSOLE_AUTH=ldap: expected one of off, users, token/],
    ['users mode without a file', { CONSOLE_AUTH: 'users' }, /CONSOLE_AUTH=users needs CONSOLE_USERS_FILE/],
    ['an unreadable users file', { CONSOLE_USERS_FILE: '/run/missing.json' }, /CONSOLE_USERS_FILE=\/run\/missing.json: cannot read the file \(ENOENT\)/],
    ['both a users file and a token', { CONSOLE_USERS_FILE: '/run/users.json', CONSOLE_TOKEN: 'a-long-enough-shared-token' }, /both set: set CONSOLE_AUTH/],
    ['a token and a token file', { CONSOLE_AUTH: 'token', CONSOLE_TOKEN: 'a-long-enough-shared-token', CONSOLE_TOKEN_FILE: '/run/token' }, /keep one/],
    ['a short token', { CONSOLE_TOKEN_FILE: '/run/short' }, /at least 16 characters/],
    ['a bad token role', { CONSOLE_TOKEN: 'a-long-enough-shared-token', CONSOLE_TOKEN_ROLE: 'admin' }, /CONSOLE_TOKEN_ROLE=admin: expected one of viewer, operator/],
    ['a bad port', { CONSOLE_USERS_FILE: '/run/users.json', CONSOLE_PORT: '99999' }, /CONSOLE_PORT=99999/],
    ['a bad broker list', { CONSOLE_USERS_FILE: '/run/users.json', KAFKA_BROKERS: 'no port' }, /KAFKA_BROKERS/],
  ])('refuses %s', (_name, env, problem) => {
    expect(problemsOf(env)).toEqual(expect.arrayContaining([expect.stringMatching(problem)]));
  });

  it('lists every problem at once', () => {
    expect(problemsOf({ CONSOLE_AUTH: 'off', CONSOLE_HOST: '10.0.0.1', CONSOLE_PORT: 'x', CONSOLE_SESSION_HOURS: '0' })).toHaveLength(3);
  });

  it('never prints the token in a refusal', () => {
    expect(problemsOf({ CONSOLE_TOKEN: 'has spaces in the secret value', CONSOLE_TOKEN_ROLE: 'x' }).join('\n')).not.toContain('secret value');
  });
});
