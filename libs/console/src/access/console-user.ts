import type { Role } from '../api/console-api.types';
import type { AuthMode } from '../config/console-config';

/** Who is asking: set on the request by the access guard, read with `@CurrentUser()`. */
export interface ConsoleUser {
  readonly name: string;
  readonly role: Role;
  readonly authMode: AuthMode;
  /** `session` (cookie + CSRF token), `bearer` (Authorization header, token mode) or `anonymous` (auth off). */
  readonly via: 'session' | 'bearer' | 'anonymous';
}

/** The anonymous operator of `CONSOLE_AUTH=off` (loopback only). */
export const ANONYMOUS: ConsoleUser = { name: 'anonymous', role: 'operator', authMode: 'off', via: 'anonymous' };

const RANK: Readonly<Record<Role, number>> = { viewer: 0, operator: 1 };

export function hasRole(user: ConsoleUser, needed: Role): boolean {
  return RANK[user.role] >= RANK[needed];
}
