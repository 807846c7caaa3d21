import { DEFAULT_SCRYPT_PARAMS, hashPassword, parseScryptCredential, verifyPassword, type ScryptCredential } from './password-hash';
import { hashToken, parseTokenCredential, tokenDigest, tokenMatches } from './token-hash';

// The smallest cost the users-file parser accepts, to keep the spec quick.
const FAST = { N: 2 ** 14, r: 8, p: 1 };
const SALT = Buffer.alloc(16, 1).toString('base64');
const HASH = Buffer.alloc(32, 2).toString('base64');

function parsed(text: string): ScryptCredential {
  const result = parseScryptCredential(text);
  if ('problem' in result) throw new Error(result.problem);
  return result;
}

describe('scrypt password hashes', () => {
  it('verifies the password it was made from and nothing else', async () => {
    const credential = parsed(await hashPassword('correct horse', FAST));
    await expect(verifyPassword('correct horse', credential)).resolves.toBe(true);
    await expect(verifyPassword('correct horsE', credential)).resolves.toBe(false);
    await expect(verifyPassword('', credential)).resolves.toBe(false);
  });

  it('salts every hash, so one password hashed twice gives two different lines that both verify', async () => {
    const [one, two] = await Promise.all([hashPassword('same', FAST), hashPassword('same', FAST)]);
    expect(one).not.toBe(two);
    await expect(verifyPassword('same', parsed(two))).resolves.toBe(true);
  });

  it('writes scrypt$N$r$p$salt$hash with the default cost N=2^15, r=8, p=1', async () => {
    const line = await hashPassword('pw');
    expect(line).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9+/]{22}==\$[A-Za-z0-9+/]{43}=$/);
    expect(parsed(line)).toMatchObject({ ...DEFAULT_SCRYPT_PARAMS, kind: 'scrypt' });
  });

  it('verifies RFC 7914 test vector 3, so hashes made by any scrypt implementation work', async () => {
    const hash = Buffer.from(
      '7023bdcb3afd7348461c06cd81fd38ebfda8fbba904f8e3ea9b543f6545da1f2d5432955613f0fcf62d49705242a9af9e61e85dc0d651e40dfcf017b45575887',
      'hex',
    );
    const credential: ScryptCredential = { kind: 'scrypt', N: 16384, r: 8, p: 1, salt: Buffer.from('SodiumChloride'), hash };
    await expect(verifyPassword('pleaseletmein', credential)).resolves.toBe(true);
  });

  it.each([
    ['too few fields', `scrypt$16384$8$1$${SALT}`, /6 fields/],
    ['N not a number', `scrypt$big$8$1$${SALT}$${HASH}`, /positive whole numbers/],
    ['N zero', `scrypt$0$8$1$${SALT}$${HASH}`, /positive whole numbers/],
    ['N not a power of two', `scrypt$20000$8$1$${SALT}$${HASH}`, /power of two/],
    ['N below 2^14', `scrypt$1024$8$1$${SALT}$${HASH}`, /at least 16384/],
    ['r too large', `scrypt$16384$64$1$${SALT}$${HASH}`, /r must be at most 32/],
    ['p too large', `scrypt$16384$8$17$${SALT}$${HASH}`, /p at most 16/],
    ['more than 256 MiB', `scrypt$1048576$8$1$${SALT}$${HASH}`, /more than 256 MiB/],
    ['salt not base64', `scrypt$16384$8$1$not-base64!$${HASH}`, /salt must be base64/],
    ['salt too short', `scrypt$16384$8$1$${Buffer.alloc(8).toString('base64')}$${HASH}`, /at least 16 bytes/],
    ['hash too short', `scrypt$16384$8$1$${SALT}$${Buffer.alloc(8).toString('base64')}`, /16 to 128 bytes/],
  ])('refuses a credential with %s, without repeating it', (_case, text, reason) => {
    const result = parseScryptCredential(text);
    expect(result).toEqual({ problem: expect.stringMatching(reason) });
    expect((result as { problem: string }).problem).not.toContain(SALT);
    expect((result as { problem: string }).problem).not.toContain(HASH);
  });
});

describe('bearer token hashes', () => {
  const token = 'tok-0123456789abcdef0123456789abcdef';

  it('stores the SHA-256 in hex and matches only the same token', () => {
    const line = hashToken(token);
    expect(line).toMatch(/^token-sha256\$[0-9a-f]{64}$/);
    const credential = parseTokenCredential(line);
    if ('problem' in credential) throw new Error(credential.problem);
    expect(tokenMatches(tokenDigest(token), credential)).toBe(true);
    expect(tokenMatches(tokenDigest(`${token}x`), credential)).toBe(false);
  });

  it('accepts upper-case hex, as other tools write it', () => {
    expect(parseTokenCredential(hashToken(token).toUpperCase().replace('TOKEN-SHA256', 'token-sha256'))).toMatchObject({ kind: 'token' });
  });

  it.each([
    ['too short', 'token-sha256$abcd'],
    ['not hex', `token-sha256$${'z'.repeat(64)}`],
    ['another digest', `token-sha1$${'a'.repeat(40)}`],
  ])('refuses a token credential that is %s', (_case, text) => {
    expect(parseTokenCredential(text)).toEqual({ problem: expect.stringContaining('64 hex digits') });
  });
});
