import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, renameSync } from 'node:fs';
import { LocalKafkaError, LocalKafkaErrorCode } from './local-kafka.error';
import { writePrivateFile } from './private-file';

export interface StoredUser {
  readonly password: string;
  /**
   * True once the broker knows this SCRAM credential (created at format, or added later with
   * kafka-configs). A user appended to the principal list after the first start is false
   * until the launcher has added it.
   */
  readonly provisioned: boolean;
}

/** The secure cluster's secrets: SCRAM passwords and client key passphrases. */
export interface StoredCredentials {
  readonly version: 1;
  readonly users: Readonly<Record<string, StoredUser>>;
  readonly keyPassphrases: Readonly<Record<string, string>>;
}

/**
 * 24 random bytes as base64url: 32 characters from [A-Za-z0-9_-], so a password can sit in a
 * SCRAM config entry, a JAAS string and a properties file without quoting or escaping.
 */
export function newSecret(): string {
  return randomBytes(24).toString('base64url');
}

const broken = (file: string, why: string) =>
  new LocalKafkaError(
    LocalKafkaErrorCode.CredentialsUnavailable,
    `${file} ${why}.`,
    'Wipe the secure cluster with "npm run kafka -- reset --security sasl-ssl"; the next start makes new credentials.',
  );

/** The stored credentials, or undefined if the file does not exist. The file is never quoted in errors. */
export function readCredentials(file: string): StoredCredentials | undefined {
  if (!existsSync(file)) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    throw broken(file, 'is not valid JSON');
  }
  const c = parsed as Partial<StoredCredentials> | null;
  const usersOk =
    typeof c?.users === 'object' &&
    c.users !== null &&
    Object.values(c.users).every((u) => typeof u?.password === 'string' && typeof u.provisioned === 'boolean');
  const passphrasesOk = typeof c?.keyPassphrases === 'object' && c.keyPassphrases !== null && Object.values(c.keyPassphrases).every((p) => typeof p === 'string');
  if (c?.version !== 1 || !usersOk || !passphrasesOk) throw broken(file, 'does not hold the launcher\'s credentials (version 1, users, keyPassphrases)');
  return c as StoredCredentials;
}

/** Replaces the file in one rename, so a reader never sees half of it. */
export function writeCredentials(file: string, credentials: StoredCredentials): void {
  const partial = `${file}.${process.pid}.tmp`;
  writePrivateFile(partial, `${JSON.stringify(credentials, null, 2)}\n`);
  renameSync(partial, file);
}

/** Adds a password for every missing user and a passphrase for every missing key; keeps what exists. */
export function ensureCredentials(file: string, users: readonly string[], keyOwners: readonly string[]): StoredCredentials {
  const current = readCredentials(file) ?? { version: 1 as const, users: {}, keyPassphrases: {} };
  const missingUsers = users.filter((u) => !(u in current.users));
  const missingKeys = keyOwners.filter((k) => !(k in current.keyPassphrases));
  if (missingUsers.length === 0 && missingKeys.length === 0 && existsSync(file)) return current;
  const next: StoredCredentials = {
    version: 1,
    users: { ...current.users, ...Object.fromEntries(missingUsers.map((u) => [u, { password: newSecret(), provisioned: false }])) },
    keyPassphrases: { ...current.keyPassphrases, ...Object.fromEntries(missingKeys.map((k) => [k, newSecret()])) },
  };
  writeCredentials(file, next);
  return next;
}

export function withUser(credentials: StoredCredentials, name: string, user: StoredUser): StoredCredentials {
  return { ...credentials, users: { ...credentials.users, [name]: user } };
}

export function markProvisioned(credentials: StoredCredentials, names: readonly string[]): StoredCredentials {
  const users = { ...credentials.users };
  for (const name of names) if (users[name]) users[name] = { ...users[name], provisioned: true };
  return { ...credentials, users };
}
