import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { hashPassword } from '../auth/password-hash';
import type { RegistryRole } from '../auth/registry-role';
import { userLine } from '../auth/registry-user';
import { hashToken } from '../auth/token-hash';

/** The secrets a spec signs in with. Each holds "canary" so the output checks can look for it. */
export interface TestUsers {
  readonly file: string;
  readonly passwords: Readonly<Record<RegistryRole, string>>;
  /** A `write` token holder, user "ci". */
  readonly token: string;
  /** Every secret and every stored hash: none may appear in the registry's output. */
  readonly secrets: readonly string[];
}

/** A users file with `reader`, `writer` and `admin` (one per role) and the token holder `ci`. */
export async function writeTestUsers(dir: string): Promise<TestUsers> {
  const canary = (label: string) => `canary-${label}-${randomBytes(6).toString('hex')}`;
  const passwords = { read: canary('read'), write: canary('write'), admin: canary('admin') };
  const token = canary('token-0123456789abcdef');
  const names: Record<RegistryRole, string> = { read: 'reader', write: 'writer', admin: 'admin' };
  const hashes = await Promise.all((Object.keys(passwords) as RegistryRole[]).map(async (role) => [role, await hashPassword(passwords[role])] as const));
  const lines = ['# written by users-file.fixture.ts', ...hashes.map(([role, hash]) => userLine(names[role], role, hash)), userLine('ci', 'write', hashToken(token))];
  const file = join(dir, 'users');
  writeFileSync(file, `${lines.join('\n')}\n`, { mode: 0o600 });
  const stored = [...hashes.flatMap(([, hash]) => hash.split('$').slice(-2)), hashToken(token).split('$')[1]];
  return { file, passwords, token, secrets: [...Object.values(passwords), token, ...stored] };
}
