import { spawn } from 'node:child_process';
import { request } from 'node:http';
import type { CliDeadLetterLine, ConsolePageAnswer } from './s9-page-checks';

const CLI_TIMEOUT_MS = 300_000;

export interface Timed<T> {
  /** Request sent (or process spawned) to the whole answer read (or process exited). */
  readonly seconds: number;
  readonly answer: T;
}

/**
 * One page over a kept-alive connection: Node's fetch (undici) reuses the pooled connection
 * of the previous request, as a browser tab does between pages.
 */
export async function consolePageWarm(url: string): Promise<Timed<ConsolePageAnswer>> {
  const started = process.hrtime.bigint();
  const response = await fetch(url);
  const text = await response.text();
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { seconds, answer: parseAnswer(url, response.status, text) };
}

/**
 * One page on a connection of its own (`agent: false`, `Connection: close`): TCP connect and
 * the server's first read of a new socket included. node:http, since Node's fetch cannot be
 * told to open a fresh connection without the undici package.
 */
export function consolePageCold(url: string): Promise<Timed<ConsolePageAnswer>> {
  const started = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    const req = request(url, { agent: false, headers: { connection: 'close' } }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () => {
        const seconds = Number(process.hrtime.bigint() - started) / 1e9;
        try {
          resolve({ seconds, answer: parseAnswer(url, response.statusCode ?? 0, text) });
        } catch (error) {
          reject(error);
        }
      });
      response.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

function parseAnswer(url: string, status: number, text: string): ConsolePageAnswer {
  if (status !== 200) throw new Error(`[S9] GET ${url} answered ${status}: ${text.slice(0, 300)}`);
  return JSON.parse(text) as ConsolePageAnswer;
}

/**
 * `node apps/cli/bin/eventline.cjs <args>` as its own process, spawn to exit; one JSON line per
 * dead letter on stdout. Spawned without blocking this process: a blocked event loop would miss
 * the console closing an idle kept-alive socket and the next fetch would write into it.
 */
export function cliPage(root: string, bin: string, args: readonly string[]): Promise<Timed<CliDeadLetterLine[]>> {
  const started = process.hrtime.bigint();
  const child = spawn(process.execPath, [bin, ...args], { cwd: root, env: { ...process.env, NODE_OPTIONS: '' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const killer = setTimeout(() => child.kill('SIGKILL'), CLI_TIMEOUT_MS);
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => {
      clearTimeout(killer);
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      if (code !== 0) return reject(new Error(`[S9] eventline ${args.join(' ')} exited ${code}: ${stderr.slice(0, 300)}`));
      const lines = stdout
        .split('\n')
        .filter((l) => l.startsWith('{'))
        .map((l) => JSON.parse(l) as CliDeadLetterLine);
      resolve({ seconds, answer: lines });
    });
  });
}
