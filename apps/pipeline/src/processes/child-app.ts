import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';

export interface ChildAppSpec {
  /** Name in the summary and in the log file name. */
  readonly name: string;
  /** A TypeScript entry point, relative to the workspace root. */
  readonly entry: string;
  readonly env: Readonly<Record<string, string>>;
  /** Polled until it answers 200, e.g. http://127.0.0.1:3101/health. */
  readonly readyUrl: string;
  readonly readyTimeoutMs?: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * One app of the pipeline as its own OS process (as it would run in production), its output
 * appended to `.cache/pipeline/logs/<name>.log`. Stopped with SIGTERM so it commits and
 * leaves its group; SIGKILL only after the deadline.
 */
export class ChildApp {
  private child?: ChildProcess;
  private exited?: Promise<number | null>;

  constructor(
    readonly spec: ChildAppSpec,
    private readonly root: string,
  ) {}

  get logFile(): string {
    return join(this.root, '.cache', 'pipeline', 'logs', `${this.spec.name}.log`);
  }

  async start(): Promise<void> {
    mkdirSync(join(this.root, '.cache', 'pipeline', 'logs'), { recursive: true });
    const log = createWriteStream(this.logFile, { flags: 'a' });
    const child = spawn(process.execPath, ['-r', '@swc-node/register', this.spec.entry], {
      cwd: this.root,
      env: { ...process.env, SWC_NODE_PROJECT: 'tsconfig.base.json', ...this.spec.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.pipe(log);
    child.stderr?.pipe(log);
    this.child = child;
    this.exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
    const until = Date.now() + (this.spec.readyTimeoutMs ?? 60_000);
    let early: number | null | undefined;
    void this.exited.then((code) => (early = code));
    for (;;) {
      if (early !== undefined) throw new Error(`${this.spec.name} exited (code ${early}) while starting; see ${this.logFile}`);
      const ok = await fetch(this.spec.readyUrl).then((r) => r.ok, () => false);
      if (ok) return;
      if (Date.now() > until) throw new Error(`${this.spec.name} did not answer ${this.spec.readyUrl} in time; see ${this.logFile}`);
      await sleep(250);
    }
  }

  get running(): boolean {
    return this.child !== undefined && this.child.exitCode === null && this.child.signalCode === null;
  }

  async stop(deadlineMs = 30_000): Promise<void> {
    if (!this.child || !this.running) return;
    this.child.kill('SIGTERM');
    const done = await Promise.race([this.exited!.then(() => true), sleep(deadlineMs).then(() => false)]);
    if (!done) {
      this.child.kill('SIGKILL');
      await this.exited;
    }
  }
}
