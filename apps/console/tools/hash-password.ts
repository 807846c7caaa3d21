/**
 * Prints the users-file hash of a password read from stdin (never from the command line,
 * where it would land in the shell history and the process list):
 *
 *   npx nx run console:hash-password          (type the password, then Enter)
 *   printf %s "$PASSWORD" | SWC_NODE_PROJECT=tsconfig.base.json node -r @swc-node/register apps/console/tools/hash-password.ts
 */
import { hashPassword } from '@eventline/console';

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) process.stderr.write('password (input is shown; end with Enter): ');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) {
    chunks.push(chunk as Buffer);
    // Interactive: the first line is the password.
    if (process.stdin.isTTY && Buffer.concat(chunks).includes(10)) break;
  }
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0];
}

async function main(): Promise<void> {
  const password = await readStdin();
  if (password.length < 8) {
    console.error('hash-password: the password must have at least 8 characters');
    process.exit(1);
  }
  console.log(await hashPassword(password));
}

void main();
