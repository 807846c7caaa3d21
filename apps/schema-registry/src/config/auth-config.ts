import { parseUsersFile } from '../auth/users-file.parser';
import type { RegistryUser } from '../auth/registry-user';
import { readTextFile } from './secret-env';

export interface AuthConfig {
  /** Where the users came from, for the startup line. */
  readonly usersFile: string;
  readonly users: readonly RegistryUser[];
}

/**
 * SCHEMA_REGISTRY_USERS_FILE: unset means no authentication. Set but empty, unreadable or
 * with a bad line means no start: an operator who meant to lock the registry must never get
 * an open one because of a typo in a mount path.
 */
export function loadAuthConfig(env: NodeJS.ProcessEnv, problems: string[]): AuthConfig | undefined {
  const usersFile = env.SCHEMA_REGISTRY_USERS_FILE;
  if (usersFile === undefined) return undefined;
  const text = readTextFile(usersFile, 'SCHEMA_REGISTRY_USERS_FILE', problems);
  if (text === undefined) return undefined;
  const parsed = parseUsersFile(text, usersFile);
  problems.push(...parsed.problems);
  return { usersFile, users: parsed.users };
}
