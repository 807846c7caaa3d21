import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import { LOOPBACK } from './loopback-port';

export interface ZipkinLaunch {
  readonly java: string;
  readonly jar: string;
  readonly port: number;
  readonly heapMb: number;
  /** In-memory storage keeps at most this many spans, dropping the oldest traces first. */
  readonly maxSpans: number;
  /** Truncated at launch: one file per run, so its tail is this run's. */
  readonly logFile: string;
}

export interface ZipkinExit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  /** Set when the JVM could not be spawned at all (ENOENT, EACCES). */
  readonly error?: Error;
}

/** The JVM arguments. Public for the spec that reads them. */
export function zipkinJvmArgs(launch: Pick<ZipkinLaunch, 'jar' | 'port' | 'heapMb'>): string[] {
  return [
    `-Xms${Math.min(64, launch.heapMb)}m`,
    `-Xmx${launch.heapMb}m`,
    // C1 only and the serial collector: the server is up 2–3× sooner (measured on 2 busy
    // cores: 6.7–8.6 s against 15.6–18.1 s with the default tiered JIT and G1), and a local
    // backend never runs long enough for C2's faster code to pay back its compile time.
    '-XX:TieredStopAtLevel=1',
    '-XX:+UseSerialGC',
    '-Djava.awt.headless=true',
    '-jar',
    launch.jar,
    // Spring Boot replaces a list property wholesale, so the one HTTP port is declared whole:
    // loopback only (Zipkin's own default is every interface).
    `--armeria.ports[0].ip=${LOOPBACK}`,
    `--armeria.ports[0].port=${launch.port}`,
    '--armeria.ports[0].protocols[0]=http',
  ];
}

/**
 * One Zipkin server JVM, its stdout and stderr in `logFile`. It runs in its own process
 * group: a Ctrl-C in the terminal reaches the pipeline and its apps, not Zipkin, which must
 * still be up while the apps flush their last spans on the way out; its owner stops it last.
 * If the owner exits without stopping it, an exit hook kills it (a SIGKILLed owner cannot).
 */
export class ZipkinProcess {
  readonly exited: Promise<ZipkinExit>;
  private exit?: ZipkinExit;
  private readonly killOnExit = () => this.child.kill('SIGKILL');

  private constructor(private readonly child: ChildProcess) {
    this.exited = new Promise((resolve) => {
      const done = (exit: ZipkinExit) => {
        if (this.exit) return;
        this.exit = exit;
        process.off('exit', this.killOnExit);
        resolve(exit);
      };
      child.once('exit', (code, signal) => done({ code, signal }));
      child.once('error', (error) => done({ code: null, signal: null, error }));
    });
    process.on('exit', this.killOnExit);
  }

  static launch(launch: ZipkinLaunch, env: NodeJS.ProcessEnv = process.env): ZipkinProcess {
    mkdirSync(dirname(launch.logFile), { recursive: true });
    const out = openSync(launch.logFile, 'w');
    try {
      const child = spawn(launch.java, zipkinJvmArgs(launch), {
        env: { ...env, STORAGE_TYPE: 'mem', QUERY_PORT: String(launch.port), MEM_MAX_SPANS: String(launch.maxSpans) },
        detached: true,
        stdio: ['ignore', out, out],
      });
      return new ZipkinProcess(child);
    } finally {
      // The child holds its own copy of the descriptor.
      closeSync(out);
    }
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  /** Undefined while the JVM runs. */
  get exitInfo(): ZipkinExit | undefined {
    return this.exit;
  }

  /**
   * SIGTERM (Spring closes the server and storage), SIGKILL if that takes longer than the
   * deadline; resolves once the JVM is gone. Safe to call more than once.
   */
  async stop(deadlineMs = 10_000): Promise<ZipkinExit> {
    if (this.exit) return this.exit;
    this.child.kill('SIGTERM');
    // A cleared timer, not a sleep: a pending one would hold the owner's event loop open.
    const kill = setTimeout(() => this.child.kill('SIGKILL'), deadlineMs);
    try {
      return await this.exited;
    } finally {
      clearTimeout(kill);
    }
  }
}
