import { hashToken } from './token-hash';
import { parseUsersFile } from './users-file.parser';

const SALT = Buffer.alloc(16, 7).toString('base64');
const HASH = Buffer.alloc(32, 9).toString('base64');
const SCRYPT = `scrypt$16384$8$1$${SALT}$${HASH}`;
const TOKEN = hashToken('tok-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa');
const OTHER_TOKEN = hashToken('tok-bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb');
const FILE = '/etc/registry/users';

describe('parseUsersFile', () => {
  it.each([
    ['a password user', `alice:read:${SCRYPT}`, [{ name: 'alice', role: 'read', kind: 'scrypt', line: 1 }]],
    ['a token holder', `ci:write:${TOKEN}`, [{ name: 'ci', role: 'write', kind: 'token', line: 1 }]],
    [
      'comments, blank lines, CRLF and a comment after an entry',
      `# registry users\r\n\r\n  ops@acme.io:admin:${SCRYPT}   # on call\r\n\t# indented comment\nci-2025.1:write:${TOKEN}\n`,
      [
        { name: 'ops@acme.io', role: 'admin', kind: 'scrypt', line: 3 },
        { name: 'ci-2025.1', role: 'write', kind: 'token', line: 5 },
      ],
    ],
    [
      'one user per role',
      [`r:read:${SCRYPT}`, `w:write:${SCRYPT}`, `a:admin:${OTHER_TOKEN}`].join('\n'),
      [
        { name: 'r', role: 'read', kind: 'scrypt', line: 1 },
        { name: 'w', role: 'write', kind: 'scrypt', line: 2 },
        { name: 'a', role: 'admin', kind: 'token', line: 3 },
      ],
    ],
  ])('reads %s', (_case, text, expected) => {
    const { users, problems } = parseUsersFile(text, FILE);
    expect(problems).toEqual([]);
    expect(users.map(({ name, role, credential, line }) => ({ name, role, kind: credential.kind, line }))).toEqual(expected);
  });

  it.each([
    ['two fields', `# header\nalice:${SCRYPT}`, `${FILE}:2: expected name:role:credential (3 fields separated by ':'), found 2`],
    ['four fields', `alice:read:${SCRYPT}:extra`, `${FILE}:1: expected name:role:credential (3 fields separated by ':'), found 4`],
    ['a hash alone', SCRYPT, `${FILE}:1: expected name:role:credential (3 fields separated by ':'), found 1`],
    ['a bad user name', `al ice:read:${SCRYPT}`, `${FILE}:1: the user name must be 1-128 of [A-Za-z0-9._@+-], starting with a letter or digit`],
    ['an empty user name', `:read:${SCRYPT}`, `${FILE}:1: the user name must be 1-128 of [A-Za-z0-9._@+-], starting with a letter or digit`],
    ['an unknown role', `\n\nalice:reader:${SCRYPT}`, `${FILE}:3: user "alice": the role must be one of read, write, admin`],
    ['a role in capitals', `alice:ADMIN:${SCRYPT}`, `${FILE}:1: user "alice": the role must be one of read, write, admin`],
    ['role and credential swapped', `alice:${TOKEN}:read`, `${FILE}:1: user "alice": the role must be one of read, write, admin`],
    ['a plain-text password', 'alice:read:hunter2', `${FILE}:1: user "alice": the credential must start with scrypt$ or token-sha256$`],
    ['a weak scrypt cost', `alice:read:scrypt$1024$8$1$${SALT}$${HASH}`, `${FILE}:1: user "alice": scrypt N must be a power of two of at least 16384`],
    ['a short token hash', 'ci:write:token-sha256$abc', `${FILE}:1: user "ci": a token credential is token-sha256$`],
    ['a user defined twice', `alice:read:${SCRYPT}\nalice:admin:${TOKEN}`, `${FILE}:2: user "alice" is already defined on line 1`],
    ['a token given to two users', `ci:write:${TOKEN}\nci2:admin:${TOKEN}`, `${FILE}:2: user "ci2" has the same token as user "ci" on line 1`],
    ['only comments', '# nobody yet\n\n', `${FILE}: no users: every request but /health would be refused`],
  ])('refuses %s, naming the file and line', (_case, text, message) => {
    const { problems } = parseUsersFile(text, FILE);
    expect(problems).toHaveLength(1);
    expect(problems[0].startsWith(message)).toBe(true);
  });

  it('never repeats a hash, a token digest or a plain-text password in a problem', () => {
    const text = [SCRYPT, `alice:${SCRYPT}`, `bob:${TOKEN}:read`, 'carol:read:hunter2', `dave:admin:scrypt$99$8$1$${SALT}$${HASH}`].join('\n');
    const { problems } = parseUsersFile(text, FILE);
    expect(problems).toHaveLength(5);
    for (const secret of [SALT, HASH, TOKEN.slice('token-sha256$'.length), 'hunter2']) expect(problems.join('\n')).not.toContain(secret);
  });

  it('reports every bad line at once, with good lines around them', () => {
    const text = [`ok1:read:${SCRYPT}`, 'bad1', `ok2:write:${OTHER_TOKEN}`, `bad2:root:${SCRYPT}`].join('\n');
    const { users, problems } = parseUsersFile(text, FILE);
    expect(users.map((user) => user.name)).toEqual(['ok1', 'ok2']);
    expect(problems.map((problem) => problem.split(': ')[0])).toEqual([`${FILE}:2`, `${FILE}:4`]);
  });
});
