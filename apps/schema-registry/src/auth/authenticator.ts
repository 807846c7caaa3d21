import { randomBytes } from 'node:crypto';
import { DEFAULT_SCRYPT_PARAMS, verifyPassword, type ScryptCredential } from './password-hash';
import type { Principal, RegistryUser } from './registry-user';
import { tokenDigest, tokenMatches, type TokenCredential } from './token-hash';
import { VerifiedCredentialsCache } from './verified-credentials.cache';

/** Why a request was not authenticated. Both leave as 401; the reason picks the message. */
export const AuthenticationFailure = {
  /** No Authorization header, or a scheme other than Basic and Bearer. */
  Missing: 'missing',
  /** Unknown user, wrong password, unknown token, or an undecodable header: deliberately one case. */
  Invalid: 'invalid',
} as const;
export type AuthenticationFailure = (typeof AuthenticationFailure)[keyof typeof AuthenticationFailure];

export type AuthenticationResult = { readonly principal: Principal } | { readonly failure: AuthenticationFailure };

interface PasswordUser {
  readonly principal: Principal;
  readonly credential: ScryptCredential;
}
interface TokenUser {
  readonly principal: Principal;
  readonly credential: TokenCredential;
}

/**
 * Checks an `Authorization` header against the users file. An unknown user name is verified
 * against a decoy hash with the same cost as a real one, so the time to answer does not say
 * whether a name exists; and both outcomes return the same failure.
 */
export class Authenticator {
  private readonly passwords = new Map<string, PasswordUser>();
  private readonly tokens: readonly TokenUser[];
  private readonly decoy: ScryptCredential;
  private readonly verified = new VerifiedCredentialsCache();

  constructor(users: readonly RegistryUser[]) {
    const tokens: TokenUser[] = [];
    for (const { name, role, credential } of users) {
      const principal = { name, role };
      if (credential.kind === 'scrypt') this.passwords.set(name, { principal, credential });
      else tokens.push({ principal, credential });
    }
    this.tokens = tokens;
    const model = [...this.passwords.values()][0]?.credential ?? { ...DEFAULT_SCRYPT_PARAMS, hash: Buffer.alloc(32) };
    this.decoy = { kind: 'scrypt', N: model.N, r: model.r, p: model.p, salt: randomBytes(16), hash: randomBytes(model.hash.length) };
  }

  async authenticate(authorization: string | undefined): Promise<AuthenticationResult> {
    const match = /^\s*(\S+)\s+(\S+)\s*$/.exec(authorization ?? '');
    const scheme = match?.[1].toLowerCase();
    if (!match || (scheme !== 'basic' && scheme !== 'bearer')) return { failure: AuthenticationFailure.Missing };
    return scheme === 'basic' ? this.basic(match[2]) : this.bearer(match[2]);
  }

  private async basic(encoded: string): Promise<AuthenticationResult> {
    const decoded = Buffer.from(encoded, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    const name = colon > 0 ? decoded.slice(0, colon) : '';
    const password = colon > 0 ? decoded.slice(colon + 1) : '';
    const cached = this.verified.get(name, password);
    if (cached) return { principal: cached };

    const user = this.passwords.get(name);
    const ok = await verifyPassword(password, user?.credential ?? this.decoy);
    if (!ok || !user) return { failure: AuthenticationFailure.Invalid };
    this.verified.remember(name, password, user.principal);
    return { principal: user.principal };
  }

  private bearer(token: string): AuthenticationResult {
    const digest = tokenDigest(token);
    // Compare against every entry rather than stopping at the first match.
    let found: Principal | undefined;
    for (const user of this.tokens) if (tokenMatches(digest, user.credential) && !found) found = user.principal;
    return found ? { principal: found } : { failure: AuthenticationFailure.Invalid };
  }
}
