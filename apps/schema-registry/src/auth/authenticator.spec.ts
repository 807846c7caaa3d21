import { AuthenticationFailure, Authenticator } from './authenticator';
import { hashPassword, parseScryptCredential } from './password-hash';
import type { RegistryUser } from './registry-user';
import { hashToken, parseTokenCredential } from './token-hash';

const FAST = { N: 2 ** 14, r: 8, p: 1 };
const TOKEN = 'tok-0123456789abcdef0123456789abcdef';
const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

async function passwordUser(name: string, role: RegistryUser['role'], password: string, line: number): Promise<RegistryUser> {
  const credential = parseScryptCredential(await hashPassword(password, FAST));
  if ('problem' in credential) throw new Error(credential.problem);
  return { name, role, credential, line };
}

function tokenUser(name: string, role: RegistryUser['role'], token: string, line: number): RegistryUser {
  const credential = parseTokenCredential(hashToken(token));
  if ('problem' in credential) throw new Error(credential.problem);
  return { name, role, credential, line };
}

describe('Authenticator', () => {
  let authenticator: Authenticator;
  beforeAll(async () => {
    authenticator = new Authenticator([await passwordUser('alice', 'read', 'pw: with colon', 1), tokenUser('ci', 'write', TOKEN, 2)]);
  });

  it.each([
    ['Basic with the right password', () => basic('alice', 'pw: with colon'), { principal: { name: 'alice', role: 'read' } }],
    ['the same Basic header again (remembered)', () => basic('alice', 'pw: with colon'), { principal: { name: 'alice', role: 'read' } }],
    ['a lower-case scheme', () => basic('alice', 'pw: with colon').replace('Basic', 'basic'), { principal: { name: 'alice', role: 'read' } }],
    ['Bearer with a known token', () => `Bearer ${TOKEN}`, { principal: { name: 'ci', role: 'write' } }],
    ['no header', () => undefined, { failure: AuthenticationFailure.Missing }],
    ['an unsupported scheme', () => 'Digest username="alice"', { failure: AuthenticationFailure.Missing }],
    ['a scheme without credentials', () => 'Basic', { failure: AuthenticationFailure.Missing }],
    ['a wrong password', () => basic('alice', 'pw'), { failure: AuthenticationFailure.Invalid }],
    ['an unknown user', () => basic('mallory', 'pw: with colon'), { failure: AuthenticationFailure.Invalid }],
    ['Basic without a colon', () => `Basic ${Buffer.from('alice').toString('base64')}`, { failure: AuthenticationFailure.Invalid }],
    ['Basic that is not base64', () => 'Basic ***', { failure: AuthenticationFailure.Invalid }],
    ['an unknown token', () => `Bearer ${TOKEN}x`, { failure: AuthenticationFailure.Invalid }],
    ['a token sent as a Basic password', () => basic('ci', TOKEN), { failure: AuthenticationFailure.Invalid }],
    ['a password sent as a token', () => 'Bearer pw:with:colon', { failure: AuthenticationFailure.Invalid }],
  ])('answers %s', async (_case, header, expected) => {
    await expect(authenticator.authenticate(header())).resolves.toEqual(expected);
  });

  it('spends a full scrypt on an unknown user too, so timing does not tell which names exist', async () => {
    const fastest = async (header: string) => {
      let best = Infinity;
      for (let i = 0; i < 3; i++) {
        const started = process.hrtime.bigint();
        await authenticator.authenticate(header);
        best = Math.min(best, Number(process.hrtime.bigint() - started) / 1e6);
      }
      return best;
    };
    const wrongPassword = await fastest(basic('alice', 'nope'));
    const unknownUser = await fastest(basic('nobody', 'nope'));
    expect(unknownUser).toBeGreaterThan(wrongPassword * 0.3);
  });
});
