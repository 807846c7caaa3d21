import type { Role } from '../api/console-api.types';
import { parsePasswordHash } from './password-hash';

export interface ConsoleUserEntry {
  readonly name: string;
  readonly role: Role;
  readonly passwordHash: string;
}

export const ROLES: readonly Role[] = ['viewer', 'operator'];

/**
 * `{ "users": [{ "name": "ada", "role": "operator", "passwordHash": "scrypt$…" }] }`. Every
 * problem is listed (by entry index and field, never with the hash itself).
 */
export function parseUsersFile(text: string, source: string): { users: ConsoleUserEntry[]; problems: string[] } {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    return { users: [], problems: [`${source}: not JSON (${error instanceof Error ? error.message : String(error)})`] };
  }
  const list = typeof document === 'object' && document !== null ? (document as { users?: unknown }).users : undefined;
  if (!Array.isArray(list)) return { users: [], problems: [`${source}: expected { "users": [ … ] }`] };
  const problems: string[] = [];
  const users: ConsoleUserEntry[] = [];
  const seen = new Set<string>();
  list.forEach((entry: unknown, i) => {
    const at = `${source}: users[${i}]`;
    if (typeof entry !== 'object' || entry === null) return void problems.push(`${at}: expected an object`);
    const { name, role, passwordHash } = entry as Record<string, unknown>;
    const before = problems.length;
    if (typeof name !== 'string' || !/^[A-Za-z0-9._@-]{1,64}$/.test(name)) problems.push(`${at}.name: expected 1-64 letters, digits or . _ @ -`);
    else if (seen.has(name)) problems.push(`${at}.name: "${name}" is listed twice`);
    if (typeof role !== 'string' || !(ROLES as readonly string[]).includes(role)) problems.push(`${at}.role: expected ${ROLES.join(' or ')}`);
    if (typeof passwordHash !== 'string' || !parsePasswordHash(passwordHash)) {
      problems.push(`${at}.passwordHash: expected scrypt$N$r$p$salt$key (make one with: npx nx run console:hash-password)`);
    }
    if (problems.length > before) return;
    seen.add(name as string);
    users.push({ name: name as string, role: role as Role, passwordHash: passwordHash as string });
  });
  if (problems.length === 0 && users.length === 0) problems.push(`${source}: lists no users`);
  return { users, problems };
}
