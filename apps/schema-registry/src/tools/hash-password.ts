/**
 * Prints one users-file line for SCHEMA_REGISTRY_USERS_FILE. From the repository root:
 *
 *   node -r @swc-node/register apps/schema-registry/src/tools/hash-password.ts <user> <role>
 *       password from SCHEMA_REGISTRY_PASSWORD or SCHEMA_REGISTRY_PASSWORD_FILE, else stdin
 *       -> <user>:<role>:scrypt$32768$8$1$<salt>$<hash>
 *   node -r @swc-node/register apps/schema-registry/src/tools/hash-password.ts <user> <role> --token
 *       token from SCHEMA_REGISTRY_TOKEN or SCHEMA_REGISTRY_TOKEN_FILE, else stdin
 *       -> <user>:<role>:token-sha256$<hex>
 *
 * role is read, write or admin. The secret is never taken from the command line (it would
 * show in `ps` and shell history) and never printed.
 */
import { hashPassword } from '../auth/password-hash';
import { REGISTRY_ROLES, isRegistryRole } from '../auth/registry-role';
import { USER_NAME, userLine } from '../auth/registry-user';
import { hashToken } from '../auth/token-hash';
import { readSecretInput } from './secret-input';

// A token's hash is unsalted and fast (token-hash.ts), which is only safe for long random tokens.
const MIN_TOKEN_LENGTH = 32;

const USAGE = `usage: hash-password.ts <user> <${REGISTRY_ROLES.join('|')}> [--token]
  the password comes from SCHEMA_REGISTRY_PASSWORD(_FILE), the token (--token) from
  SCHEMA_REGISTRY_TOKEN(_FILE); without either, from stdin. Make a token with
  openssl rand -base64 32`;

async function main(args: readonly string[]): Promise<void> {
  const token = args.includes('--token');
  const [name, role, ...rest] = args.filter((arg) => arg !== '--token');
  if (name === undefined || role === undefined || rest.length > 0) return fail(USAGE);
  if (!USER_NAME.test(name)) return fail('the user name must be 1-128 of [A-Za-z0-9._@+-], starting with a letter or digit');
  if (!isRegistryRole(role)) return fail(`the role must be one of ${REGISTRY_ROLES.join(', ')}`);

  const secret = await readSecretInput(token ? 'SCHEMA_REGISTRY_TOKEN' : 'SCHEMA_REGISTRY_PASSWORD', token ? 'token' : 'password');
  if (secret === '') return fail(`the ${token ? 'token' : 'password'} is empty`);
  if (token && secret.length < MIN_TOKEN_LENGTH) return fail(`a token needs at least ${MIN_TOKEN_LENGTH} characters (openssl rand -base64 32 makes one)`);
  if (/\s/.test(secret) && token) return fail('a token cannot contain whitespace: it travels as "Authorization: Bearer <token>"');

  const credential = token ? hashToken(secret) : await hashPassword(secret);
  process.stdout.write(`${userLine(name, role, credential)}\n`);
}

function fail(message: string): void {
  process.stderr.write(`${message}\n`);
  process.exitCode = 2;
}

main(process.argv.slice(2)).catch((error: unknown) => {
  fail(`hash-password: ${error instanceof Error ? error.message : String(error)}`);
});
