import { readFileSync } from 'node:fs';

/**
 * A secret from `NAME` or from the file `NAME_FILE` names (a mounted Kubernetes or Docker
 * secret), never both. One trailing newline is dropped: `echo` and most editors add one, and
 * a passphrase never ends in one. Problems name the variable and the file, never the value.
 */
export function readSecretEnv(env: NodeJS.ProcessEnv, name: string, problems: string[]): string | undefined {
  const inline = env[name];
  const file = env[`${name}_FILE`];
  if (inline !== undefined && file !== undefined) {
    problems.push(`${name} and ${name}_FILE are both set: keep one`);
    return undefined;
  }
  if (file === undefined) return inline;
  const text = readTextFile(file, `${name}_FILE`, problems);
  return text?.replace(/\r?\n$/, '');
}

/** The file's text, or undefined with a problem naming the variable, the path and the OS error code. */
export function readTextFile(path: string, variable: string, problems: string[]): string | undefined {
  const bytes = readFile(path, variable, problems);
  return bytes?.toString('utf8');
}

export function readFile(path: string, variable: string, problems: string[]): Buffer | undefined {
  if (path.trim() === '') {
    problems.push(`${variable} is set but empty: name a file, or unset it`);
    return undefined;
  }
  try {
    return readFileSync(path);
  } catch (error) {
    problems.push(`${variable}=${path} cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
    return undefined;
  }
}
