import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { workspaceRoot } from '@eventline/local-kafka';
import { waitUntil } from '../support/waiting';
import type { Processed } from './s7-rebalance.analysis';

/** What every member process is told; see s7-member.child.ts. */
export interface MemberEnv {
  readonly BENCH_BROKERS: string;
  readonly BENCH_TOPIC: string;
  readonly BENCH_GROUP: string;
  readonly BENCH_REGISTRY_URL: string;
  readonly BENCH_SESSION_MS: string;
  readonly BENCH_HEARTBEAT_MS: string;
}

/** A member process and what it printed, parsed as it arrives. */
export class Member {
  readonly processed: Processed[] = [];
  startedAt?: number;
  readonly joins: Array<{ at: number; assignment: Record<string, number[]> }> = [];
  stoppedAt?: number;
  exited = false;
  private readonly exit: Promise<void>;
  private rest = '';
  private stderr = '';

  constructor(
    readonly name: string,
    private readonly child: ChildProcess,
  ) {
    child.stdout?.on('data', (chunk: Buffer) => this.take(chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    this.exit = new Promise((resolve) =>
      child.once('exit', () => {
        this.exited = true;
        resolve();
      }),
    );
  }

  get firstRecordAt(): number | undefined {
    return this.processed[0]?.at;
  }

  async joined(timeoutMs = 60_000): Promise<void> {
    await waitUntil(`S7 member ${this.name} to join (${this.stderr.slice(-500)})`, () => this.joins.length > 0 || this.exited, timeoutMs, 20);
    if (this.joins.length === 0) throw new Error(`S7 member ${this.name} exited before joining: ${this.stderr.slice(-2_000)}`);
  }

  /** SIGTERM: the member stops its consumer (finishes, commits, leaves the group) and exits. */
  async stop(deadlineMs = 30_000): Promise<void> {
    if (this.exited) return;
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), deadlineMs);
    await this.exit;
    clearTimeout(timer);
  }

  async kill(): Promise<void> {
    if (!this.exited) this.child.kill('SIGKILL');
    await this.exit;
  }

  private take(text: string): void {
    const lines = (this.rest + text).split('\n');
    this.rest = lines.pop() ?? '';
    for (const line of lines) {
      const [kind, at, ...rest] = line.split(' ');
      if (kind === 'r') this.processed.push({ member: this.name, at: Number(at), partition: Number(rest[0]), offset: rest[1], id: rest[2] });
      else if (kind === 'start') this.startedAt = Number(at);
      else if (kind === 'joined') this.joins.push({ at: Number(at), assignment: JSON.parse(rest.join(' ')) as Record<string, number[]> });
      else if (kind === 'stopped') this.stoppedAt = Number(at);
    }
  }
}

const CHILD = join('libs', 'benchmarks', 'src', 'scenarios', 's7-member.child.ts');

/** Starts a member process (swc-node, as the apps and the reliability suite's members run). */
export function startMember(name: string, env: MemberEnv): Member {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', CHILD], {
    cwd: workspaceRoot(),
    env: { ...process.env, ...env, BENCH_INSTANCE: name, SWC_NODE_PROJECT: 'tsconfig.base.json', NODE_OPTIONS: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Member(name, child);
}
