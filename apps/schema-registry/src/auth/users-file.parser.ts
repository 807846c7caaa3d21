import { SCRYPT_PREFIX, parseScryptCredential } from './password-hash';
import { REGISTRY_ROLES, isRegistryRole } from './registry-role';
import { USER_NAME, type RegistryUser } from './registry-user';
import { TOKEN_PREFIX, parseTokenCredential } from './token-hash';

export interface ParsedUsersFile {
  readonly users: readonly RegistryUser[];
  /** `<file>:<line>: <what is wrong>`, one per bad line; empty when the file is good. */
  readonly problems: readonly string[];
}

/**
 * Parses a users file: one `name:role:credential` per line, `#` starts a comment, blank lines
 * are skipped. Every bad line is reported at once.
 *
 * Problems name the file, the line number and (when it stands where a name belongs) the user
 * name, and nothing else from the line: a malformed line may well be a hash or a token pasted
 * in the wrong place, and these messages end up in startup logs.
 */
export function parseUsersFile(text: string, file: string): ParsedUsersFile {
  const users: RegistryUser[] = [];
  const problems: string[] = [];
  const byName = new Map<string, RegistryUser>();
  const lines = text.split(/\r?\n/);

  lines.forEach((raw, index) => {
    const line = index + 1;
    // Credentials contain neither whitespace nor '#', so a comment after the entry is unambiguous.
    const content = raw.replace(/(^|\s)#.*$/, '').trim();
    if (content === '') return;
    const at = `${file}:${line}`;

    const fields = content.split(':');
    if (fields.length !== 3) {
      problems.push(`${at}: expected name:role:credential (3 fields separated by ':'), found ${fields.length}`);
      return;
    }
    const [name, role, credentialText] = fields;
    if (!USER_NAME.test(name)) {
      problems.push(`${at}: the user name must be 1-128 of [A-Za-z0-9._@+-], starting with a letter or digit`);
      return;
    }
    const who = `${at}: user "${name}"`;
    if (!isRegistryRole(role)) {
      problems.push(`${who}: the role must be one of ${REGISTRY_ROLES.join(', ')}`);
      return;
    }
    const parsed = credentialText.startsWith(SCRYPT_PREFIX)
      ? parseScryptCredential(credentialText)
      : credentialText.startsWith(TOKEN_PREFIX)
        ? parseTokenCredential(credentialText)
        : { problem: `the credential must start with ${SCRYPT_PREFIX} or ${TOKEN_PREFIX} (make one with apps/schema-registry/src/tools/hash-password.ts)` };
    if ('problem' in parsed) {
      problems.push(`${who}: ${parsed.problem}`);
      return;
    }
    const earlier = byName.get(name);
    if (earlier) {
      problems.push(`${who} is already defined on line ${earlier.line}`);
      return;
    }
    if (parsed.kind === 'token') {
      const twin = users.find((user) => user.credential.kind === 'token' && user.credential.digest.equals(parsed.digest));
      if (twin) {
        // One token must mean one principal, or its role would depend on the file's order.
        problems.push(`${who} has the same token as user "${twin.name}" on line ${twin.line}`);
        return;
      }
    }
    const user: RegistryUser = { name, role, credential: parsed, line };
    byName.set(name, user);
    users.push(user);
  });

  if (users.length === 0 && problems.length === 0) {
    problems.push(`${file}: no users: every request but /health would be refused; add a line or unset SCHEMA_REGISTRY_USERS_FILE`);
  }
  return { users, problems };
}
