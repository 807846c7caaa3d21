import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { workspaceRoot } from '@eventline/local-kafka';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface FleetMember {
  readonly instance: string;
  readonly child: ChildProcess;
  /** stdout and stderr so far, for failure messages and `joined` lines. */
  output(): string;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  exitedYet: boolean;
}

/** Everything the member processes need to know; passed as environment. */
export interface FleetEnv {
  readonly TOPIC: string;
  readonly GROUP: string;
  readonly KAFKA_BROKERS: string;
  readonly SCHEMA_REGISTRY_URL: string;
  readonly CHECK_DB_URL: string;
  readonly CHECK_DB_SCHEMA: string;
  readonly MODE?: string;
  readonly COMMIT_RECORDS?: string;
  readonly COMMIT_MS?: string;
  readonly SESSION_MS?: string;
}

export interface FleetCounts {
  started: number;
  killed: number;
  stopped: number;
  /** Exits nobody asked for (a crash): a restart loop shows here. */
  unexpectedExits: number;
}

/**
 * Consumer-group members as OS processes (checked-consumer.process.ts run by swc-node, as
 * the apps run): start, kill -9, graceful stop, and a guaranteed cleanup. Every member it
 * started is gone after `stopAll()`.
 */
export class ConsumerFleet {
  private readonly members = new Set<FleetMember>();
  private nextId = 1;
  readonly counts: FleetCounts = { started: 0, killed: 0, stopped: 0, unexpectedExits: 0 };
  private readonly expectedExit = new WeakSet<FleetMember>();

  constructor(private readonly env: FleetEnv) {}

  get live(): FleetMember[] {
    return [...this.members].filter((m) => !m.exitedYet);
  }

  start(): FleetMember {
    const instance = `c${this.nextId++}`;
    const child = spawn(process.execPath, ['-r', '@swc-node/register', join(__dirname, 'checked-consumer.process.ts')], {
      cwd: workspaceRoot(),
      env: { ...process.env, ...this.env, INSTANCE: instance, SWC_NODE_PROJECT: 'tsconfig.base.json', NODE_OPTIONS: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const member: FleetMember = {
      instance,
      child,
      output: () => output,
      exitedYet: false,
      exited: new Promise((resolve) =>
        child.once('exit', (code, signal) => {
          member.exitedYet = true;
          if (!this.expectedExit.has(member)) this.counts.unexpectedExits++;
          resolve({ code, signal });
        }),
      ),
    };
    this.members.add(member);
    this.counts.started++;
    return member;
  }

  /** Resolves once the member joined its group (printed its first assignment). */
  async joined(member: FleetMember, timeoutMs = 30_000): Promise<void> {
    const until = Date.now() + timeoutMs;
    while (!member.output().includes('joined ')) {
      if (member.exitedYet) throw new Error(`${member.instance} exited before joining:\n${member.output()}`);
      if (Date.now() > until) throw new Error(`${member.instance} did not join within ${timeoutMs} ms:\n${member.output()}`);
      await sleep(50);
    }
  }

  async kill(member: FleetMember): Promise<void> {
    this.expectedExit.add(member);
    if (!member.exitedYet) {
      member.child.kill('SIGKILL');
      this.counts.killed++;
    }
    await member.exited;
  }

  /** SIGTERM: the member finishes in-flight records, commits and leaves; SIGKILL after the deadline. */
  async stop(member: FleetMember, deadlineMs = 20_000): Promise<void> {
    this.expectedExit.add(member);
    if (member.exitedYet) return;
    member.child.kill('SIGTERM');
    this.counts.stopped++;
    const timer = setTimeout(() => member.child.kill('SIGKILL'), deadlineMs);
    await member.exited;
    clearTimeout(timer);
  }

  async stopAll(): Promise<void> {
    await Promise.all(this.live.map((m) => this.stop(m)));
  }

  async killAll(): Promise<void> {
    await Promise.all([...this.members].map((m) => this.kill(m)));
  }
}
