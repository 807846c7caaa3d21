import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { clockTicksPerSecond, procCpuTicks } from '../support/cpu-meter';
import { compileScript } from '../support/compiled-script';

export interface ConsoleProcessOptions {
  readonly root: string;
  readonly brokers: readonly string[];
  readonly registryUrl: string;
  /** A topic of the run's own, so the bench never writes to the cluster's `_eventline-audit`. */
  readonly auditTopic: string;
}

const READY = /console at (http:\/\/\S+)/;
const BOOT_TIMEOUT_MS = 120_000;

/**
 * The real console (apps/console/src/main.ts) as its own process, compiled to JavaScript as a
 * deployment runs it, on a free loopback port with sign-in off. A process and not
 * `createConsoleApp` in this one: libs/benchmarks (scope:dev) may not import the console
 * (scope:ops), and apart from that the suite's own CPU stays out of the console's.
 */
export class ConsoleProcess {
  private readonly ticksPerSecond = clockTicksPerSecond();

  private constructor(
    private readonly child: ChildProcess,
    readonly url: string,
  ) {}

  static async start(options: ConsoleProcessOptions): Promise<ConsoleProcess> {
    const main = compileScript(options.root, join('apps', 'console', 'src', 'main.ts'), 'bench-s9-console');
    const env = {
      ...process.env,
      NODE_OPTIONS: '',
      CONSOLE_AUTH: 'off',
      CONSOLE_HOST: '127.0.0.1',
      CONSOLE_PORT: '0',
      CONSOLE_AUDIT_TOPIC: options.auditTopic,
      CONSOLE_WEB_DIR: join(options.root, 'apps', 'console', 'dist', 'web'),
      // Its request and sampling lines are not what is measured; warnings and errors still show.
      CONSOLE_LOG_LEVEL: 'warn',
      KAFKA_BROKERS: options.brokers.join(','),
      SCHEMA_REGISTRY_URL: options.registryUrl,
    };
    const child = spawn(process.execPath, [main], { cwd: options.root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    // Both pipes are drained for the process's whole life: a full pipe would block its logger.
    const collect = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4_000));
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`[S9] the console did not start within ${BOOT_TIMEOUT_MS / 1_000} s: ${output}`)), BOOT_TIMEOUT_MS);
      const onData = () => {
        const match = READY.exec(output);
        if (!match) return;
        clearTimeout(timer);
        child.stdout?.off('data', onData);
        resolve(match[1]);
      };
      child.stdout?.on('data', onData);
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`[S9] the console exited with ${code} before listening: ${output}`));
      });
    });
    return new ConsoleProcess(child, url);
  }

  /** CPU seconds (user + system) the console process has used so far. */
  cpuSeconds(): number {
    return procCpuTicks(readFileSync(`/proc/${this.child.pid}/stat`, 'utf8')) / this.ticksPerSecond;
  }

  /** SIGTERM (the console closes its Kafka clients), SIGKILL if it has not exited after 10 s. */
  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.child.kill('SIGTERM');
    const killer = setTimeout(() => this.child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(killer);
  }
}
