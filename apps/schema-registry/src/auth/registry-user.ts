import type { ScryptCredential } from './password-hash';
import type { RegistryRole } from './registry-role';
import type { TokenCredential } from './token-hash';

/** One users-file entry: a password user (HTTP Basic) or a token holder (Bearer). */
export interface RegistryUser {
  readonly name: string;
  readonly role: RegistryRole;
  readonly credential: ScryptCredential | TokenCredential;
  /** 1-based line in the users file, for messages about duplicates. */
  readonly line: number;
}

/** Who a request was authenticated as. Holds no credential. */
export interface Principal {
  readonly name: string;
  readonly role: RegistryRole;
}

/**
 * A user name as Basic auth can carry it (RFC 7617: no ':') and a log line can show it
 * safely: no spaces, quotes or control characters.
 */
export const USER_NAME = /^[A-Za-z0-9][A-Za-z0-9._@+-]{0,127}$/;

/** The users-file line for a user: `name:role:credential`. */
export function userLine(name: string, role: RegistryRole, credential: string): string {
  return `${name}:${role}:${credential}`;
}
