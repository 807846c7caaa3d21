import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { workspaceRoot } from '@eventline/local-kafka';
import { untilReady } from './orders-test-kit';

const LISTENING = /orders-service listening on (http:\/\/\S+)/;

/** The app entry (apps/orders-service/src/main.ts, a thin main over this lib, or another entry) as its own OS process, as the pipeline runs it; handed over once /health answers 200. */
export interface OrdersProcess {
  readonly url: string;
  output(): string;
  /** SIGKILL: no shutdown hook runs, nothing is drained or flushed. */
  kill(): Promise<void>;
  /** SIGTERM, the graceful stop; resolves with the exit code. */
  stop(): Promise<number | null>;
}

export interface OrdersProcessOptions {
  /** The entry to run, from the workspace root; default the app's main.ts. */
  readonly entry?: string;
  readonly startTimeoutMs?: number;
}

export async function startOrdersProcess(env: Record<string, string>, options: OrdersProcessOptions = {}): Promise<OrdersProcess> {
  const { entry = join('apps', 'orders-service', 'src', 'main.ts'), startTimeoutMs = 40_000 } = options;
  const child = spawn(process.execPath, ['-r', '@swc-node/register', entry], {
    cwd: workspaceRoot(),
    env: { ...process.env, SWC_NODE_PROJECT: 'tsconfig.base.json', NO_COLOR: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setInterval(() => {
      const match = LISTENING.exec(output);
      if (match) done(match[1]);
    }, 50);
    const deadline = setTimeout(() => done(new Error(`no "listening on" line within ${startTimeoutMs} ms`)), startTimeoutMs);
    void exited.then((code) => done(new Error(`exited while starting (code ${code})`)));
    let settled = false;
    function done(outcome: string | Error) {
      if (settled) return;
      settled = true;
      clearInterval(timer);
      clearTimeout(deadline);
      if (typeof outcome === 'string') resolve(outcome);
      else {
        child.kill('SIGKILL');
        reject(new Error(`orders-service process: ${outcome.message}\n--- its output ---\n${output}`));
      }
    }
  });
  try {
    await untilReady(url);
  } catch (error) {
    child.kill('SIGKILL');
    throw new Error(`orders-service process: ${(error as Error).message}\n--- its output ---\n${output}`);
  }
  return {
    url,
    output: () => output,
    kill: async () => {
      if (!running(child)) return;
      child.kill('SIGKILL');
      await exited;
    },
    stop: async () => {
      if (!running(child)) return exited;
      child.kill('SIGTERM');
      return exited;
    },
  };
}

function running(child: ChildProcess): boolean {
  return child.exitCode === null && child.signalCode === null;
}
