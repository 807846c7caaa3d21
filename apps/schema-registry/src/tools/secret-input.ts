import { readSecretEnv } from '../config/secret-env';

/**
 * The secret for hash-password: from `envName` or `envName_FILE`, else stdin. Never from argv,
 * which any user on the machine can read in `ps`. On a terminal it prompts twice without
 * echo; from a pipe it reads everything, dropping one trailing newline.
 */
export async function readSecretInput(envName: string, what: string): Promise<string> {
  const problems: string[] = [];
  const fromEnv = readSecretEnv(process.env, envName, problems);
  if (problems.length > 0) throw new Error(problems.join('; '));
  if (fromEnv !== undefined) return fromEnv;
  if (!process.stdin.isTTY) return (await readAll(process.stdin)).replace(/\r?\n$/, '');
  const first = await promptHidden(`${what}: `);
  const again = await promptHidden(`${what} again: `);
  if (first !== again) throw new Error(`the two ${what}s differ`);
  return first;
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
  return Buffer.concat(chunks).toString('utf8');
}

/** Reads one line from the terminal in raw mode, so the characters are never echoed. */
function promptHidden(prompt: string): Promise<string> {
  const stdin = process.stdin;
  process.stderr.write(prompt);
  stdin.setRawMode(true);
  stdin.setEncoding('utf8');
  stdin.resume();
  let chars: string[] = [];
  return new Promise((resolve, reject) => {
    const finish = (outcome: Error | string) => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stderr.write('\n');
      if (typeof outcome === 'string') resolve(outcome);
      else reject(outcome);
    };
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === '\r' || char === '\n') return finish(chars.join(''));
        if (char === '\u0003' || char === '\u0004') return finish(new Error('cancelled'));
        if (char === '\u007f' || char === '\b') chars = chars.slice(0, -1);
        else chars.push(char);
      }
    };
    stdin.on('data', onData);
  });
}
