import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

export interface RegistryChild {
  readonly child: ChildProcess;
  /** Everything it wrote to stdout and stderr so far. */
  output(): string;
  /** Resolves with the first match of `pattern` in the output; rejects if the process exits first. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<RegExpExecArray>;
  /** Resolves with the exit code once the process has exited. */
  exited(): Promise<number | null>;
  /** SIGTERM, SIGKILL after 10 s; resolves with the exit code. */
  stop(): Promise<number | null>;
}

// apps/schema-registry/src/integration -> the workspace root.
const ROOT = join(__dirname, '..', '..', '..', '..');

/**
 * Runs the registry as its own process with exactly the environment given (plus what swc-node
 * needs), for the specs @eventline/testing's startSchemaRegistry cannot serve: one that must
 * see it fail to start, and one that talks HTTPS to it.
 */
export function spawnRegistry(env: Readonly<Record<string, string>>): RegistryChild {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', join('apps', 'schema-registry', 'src', 'main.ts')], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', SWC_NODE_PROJECT: 'tsconfig.base.json', SCHEMA_REGISTRY_HOST: '127.0.0.1', SCHEMA_REGISTRY_PORT: '0', NO_COLOR: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const listeners = new Set<() => void>();
  for (const stream of [child.stdout, child.stderr]) {
    stream?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      for (const listener of listeners) listener();
    });
  }
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  return {
    child,
    output: () => output,
    exited: () => exit,
    waitFor(pattern, timeoutMs = 30_000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => finish(new Error(`no ${pattern} in the output within ${timeoutMs} ms:\n${output}`)), timeoutMs);
        const check = () => {
          const match = pattern.exec(output);
          if (match) finish(match);
        };
        function finish(outcome: Error | RegExpExecArray) {
          clearTimeout(timer);
          listeners.delete(check);
          if (outcome instanceof Error) reject(outcome);
          else resolve(outcome);
        }
        listeners.add(check);
        exit.then((code) => finish(new Error(`exited (code ${code}) before ${pattern} appeared:\n${output}`)));
        check();
      });
    },
    stop() {
      if (child.exitCode !== null || child.signalCode !== null) return exit;
      const kill = setTimeout(() => child.kill('SIGKILL'), 10_000);
      child.kill('SIGTERM');
      return exit.finally(() => clearTimeout(kill));
    },
  };
}
