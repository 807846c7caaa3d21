import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Authenticator } from '../auth/authenticator';
import { parseUsersFile } from '../auth/users-file.parser';

const ROOT = join(__dirname, '..', '..', '..', '..');
const TOOL = join('apps', 'schema-registry', 'src', 'tools', 'hash-password.ts');
const PASSWORD = 'canary tool password ✓';
const TOKEN = 'canary-tool-token-0123456789abcdef0123';

/** Runs the tool as an operator would, with only the given environment and stdin. */
function run(args: readonly string[], env: Record<string, string> = {}, input = '') {
  const result = spawnSync(process.execPath, ['-r', '@swc-node/register', TOOL, ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', ...env },
    input,
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

async function signsIn(line: string, authorization: string) {
  const { users, problems } = parseUsersFile(line, 'out');
  expect(problems).toEqual([]);
  return new Authenticator(users).authenticate(authorization);
}

describe('hash-password', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hash-password-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

  it.each([
    ['SCHEMA_REGISTRY_PASSWORD', () => run(['alice', 'write'], { SCHEMA_REGISTRY_PASSWORD: PASSWORD })],
    ['SCHEMA_REGISTRY_PASSWORD_FILE', () => {
      const file = join(dir, 'pw');
      writeFileSync(file, `${PASSWORD}\n`);
      return run(['alice', 'write'], { SCHEMA_REGISTRY_PASSWORD_FILE: file });
    }],
    ['stdin', () => run(['alice', 'write'], {}, `${PASSWORD}\n`)],
  ])('prints a users-file line from a password in %s, and nothing else', async (_case, invoke) => {
    const { status, stdout, stderr } = invoke();
    expect({ status, stderr }).toEqual({ status: 0, stderr: '' });
    expect(stdout).toMatch(/^alice:write:scrypt\$32768\$8\$1\$\S+\$\S+\n$/);
    expect(stdout).not.toContain('canary');
    await expect(signsIn(stdout, basic('alice', PASSWORD))).resolves.toEqual({ principal: { name: 'alice', role: 'write' } });
  });

  it('prints a token line with --token', async () => {
    const { status, stdout } = run(['ci', 'read', '--token'], { SCHEMA_REGISTRY_TOKEN: TOKEN });
    expect(status).toBe(0);
    expect(stdout).toMatch(/^ci:read:token-sha256\$[0-9a-f]{64}\n$/);
    await expect(signsIn(stdout, `Bearer ${TOKEN}`)).resolves.toEqual({ principal: { name: 'ci', role: 'read' } });
  });

  it.each([
    ['no arguments', [], {}, /usage: hash-password.ts <user> <read\|write\|admin>/],
    ['a password as an argument', ['alice', 'read', PASSWORD], {}, /usage/],
    ['an unknown role', ['alice', 'owner'], { SCHEMA_REGISTRY_PASSWORD: PASSWORD }, /the role must be one of read, write, admin/],
    ['a user name with a colon', ['al:ice', 'read'], { SCHEMA_REGISTRY_PASSWORD: PASSWORD }, /the user name must be/],
    ['an empty password', ['alice', 'read'], { SCHEMA_REGISTRY_PASSWORD: '' }, /the password is empty/],
    ['a short token', ['ci', 'read', '--token'], { SCHEMA_REGISTRY_TOKEN: 'canary-short' }, /a token needs at least 32 characters/],
    ['a password both inline and in a file', ['alice', 'read'], { SCHEMA_REGISTRY_PASSWORD: PASSWORD, SCHEMA_REGISTRY_PASSWORD_FILE: '/nope' }, /both set/],
  ])('refuses %s with exit 2, without echoing the secret', (_case, args, env, message) => {
    const { status, stdout, stderr } = run(args, env as Record<string, string>);
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
    expect(stderr).not.toContain('canary');
  });
});
