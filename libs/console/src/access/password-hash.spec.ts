import { hashPassword, parsePasswordHash, verifyPassword } from './password-hash';
import { parseUsersFile } from './users-file';

describe('password hashes', () => {
  it('verifies the password it hashed and nothing else', async () => {
    const hash = await hashPassword('correct horse battery staple');
    expect(hash).toMatch(/^scrypt\$16384\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    await expect(verifyPassword('correct horse battery staple', hash)).resolves.toBe(true);
    await expect(verifyPassword('correct horse battery stapl', hash)).resolves.toBe(false);
    await expect(verifyPassword('', hash)).resolves.toBe(false);
  });

  it('salts: the same password hashes differently each time', async () => {
    expect(await hashPassword('same')).not.toBe(await hashPassword('same'));
  });

  it.each(['', 'plain', 'scrypt$3$8$1$AAAAAAAAAAA=$AAAAAAAAAAAAAAAAAAAAAA==', 'scrypt$16384$8$1$AA==$AAAAAAAAAAAAAAAAAAAAAA==', 'bcrypt$2b$10$xyz'])('refuses a malformed hash %p without throwing', async (hash) => {
    expect(parsePasswordHash(hash)).toBeUndefined();
    await expect(verifyPassword('x', hash)).resolves.toBe(false);
  });
});

describe('the users file', () => {
  it('lists every bad entry, by index and field, without the hash', () => {
    const { problems } = parseUsersFile(
      JSON.stringify({ users: [{ name: 'ada', role: 'root', passwordHash: 'secret-ish' }, { name: '', role: 'viewer', passwordHash: 'x' }] }),
      'users.json',
    );
    expect(problems).toEqual([
      expect.stringMatching(/^users.json: users\[0\].role: expected viewer or operator/),
      expect.stringMatching(/^users.json: users\[0\].passwordHash: expected scrypt/),
      expect.stringMatching(/^users.json: users\[1\].name/),
      expect.stringMatching(/^users.json: users\[1\].passwordHash/),
    ]);
    expect(problems.join('\n')).not.toContain('secret-ish');
  });

  it.each([
    ['not JSON', '{', /not JSON/],
    ['no users list', '{}', /expected \{ "users"/],
    ['an empty list', '{"users":[]}', /lists no users/],
  ])('refuses %s', (_name, text, problem) => {
    expect(parseUsersFile(text, 'f').problems).toEqual([expect.stringMatching(problem)]);
  });
});
