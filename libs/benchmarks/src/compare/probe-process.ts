import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { Tree } from './comparison.types';
import { PROBE_ENV, type ProbeFigure, type ProbeMessage, type ProbeRequest } from './tree-probe.protocol';

/** What a request came back with: figures, or the tree's reason for having none. */
export type ProbeAnswer = { readonly figures: readonly ProbeFigure[] } | { readonly notApplicable: string };

/** A request without its id (the process numbers them); distributed over the union so each op keeps its fields. */
export type RequestBody = ProbeRequest extends infer R ? (R extends ProbeRequest ? Omit<R, 'id'> : never) : never;

export interface ProbeProcessOptions {
  readonly tree: Tree;
  /** The worktree (or working tree) whose code the child runs. */
  readonly root: string;
  readonly brokers: readonly string[];
  readonly brokerPid?: number;
  readonly registryUrl?: string;
  readonly profile: string;
  readonly command: string;
  readonly log: (line: string) => void;
}

const CHILD = join(__dirname, 'tree-probe.child.ts');
const READY_TIMEOUT_MS = 120_000;

/**
 * The parent's handle on one tree's probe child (tree-probe.child.ts): forked with the tree as
 * cwd and the tree's tsconfig for swc-node, so the tree's path aliases decide what it loads.
 * Both trees' children live for the whole comparison (their JIT warms up as the suite's
 * process does) and only one of them works at a time.
 */
export class ProbeProcess {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (answer: ProbeAnswer) => void; reject: (error: Error) => void }>();
  private exited?: string;

  private constructor(
    readonly tree: Tree,
    private readonly child: ChildProcess,
  ) {}

  static start(options: ProbeProcessOptions): Promise<ProbeProcess> {
    const child = fork(CHILD, [], {
      cwd: options.root,
      execArgv: ['-r', '@swc-node/register'],
      env: {
        ...process.env,
        SWC_NODE_PROJECT: join(options.root, 'tsconfig.base.json'),
        [PROBE_ENV.tree]: options.root,
        [PROBE_ENV.role]: options.tree,
        [PROBE_ENV.brokers]: options.brokers.join(','),
        [PROBE_ENV.brokerPid]: options.brokerPid === undefined ? '' : String(options.brokerPid),
        [PROBE_ENV.registryUrl]: options.registryUrl ?? '',
        [PROBE_ENV.profile]: options.profile,
        [PROBE_ENV.command]: options.command,
      },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const probe = new ProbeProcess(options.tree, child);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(new Error(`the ${options.tree} probe (${options.root}) was not ready within ${READY_TIMEOUT_MS / 1_000} s`));
      }, READY_TIMEOUT_MS);
      child.on('message', (message: ProbeMessage) => {
        if (message.kind === 'log') options.log(`[${options.tree}] ${message.line}`);
        else if (message.kind === 'ready') {
          clearTimeout(timer);
          resolve(probe);
        } else if (message.kind === 'error' && message.id === -1) {
          clearTimeout(timer);
          reject(new Error(`the ${options.tree} probe (${options.root}) could not load its tree: ${message.message}`));
        } else probe.settle(message);
      });
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        probe.exited = `the ${options.tree} probe exited (${signal ?? `code ${code}`})`;
        for (const { reject: fail } of probe.pending.values()) fail(new Error(probe.exited));
        probe.pending.clear();
        reject(new Error(probe.exited));
      });
    });
  }

  request(body: RequestBody): Promise<ProbeAnswer> {
    if (this.exited) return Promise.reject(new Error(this.exited));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.child.send({ ...body, id } as ProbeRequest);
    });
  }

  /** Asks the child to clean up its topics and groups and leave; kills it if it does not within 30 s. */
  async close(): Promise<void> {
    if (this.exited) return;
    const killer = setTimeout(() => this.child.kill('SIGKILL'), 30_000);
    const gone = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    await this.request({ op: 'close' }).catch(() => undefined);
    await gone;
    clearTimeout(killer);
  }

  private settle(message: Exclude<ProbeMessage, { kind: 'log' } | { kind: 'ready' }>): void {
    const waiter = this.pending.get(message.id);
    if (!waiter) return;
    this.pending.delete(message.id);
    if (message.kind === 'result') waiter.resolve({ figures: message.figures });
    else if (message.kind === 'not-applicable') waiter.resolve({ notApplicable: message.reason });
    else waiter.reject(new Error(`[${this.tree}] ${message.message}`));
  }
}
