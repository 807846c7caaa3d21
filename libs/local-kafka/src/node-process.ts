import { spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { NodeSpec } from './cluster-layout';

/** What the launcher can tell about one node's JVM from outside. */
export const NodeState = {
  Running: 'running',
  Paused: 'paused',
  Stopped: 'stopped',
} as const;
export type NodeState = (typeof NodeState)[keyof typeof NodeState];

export function readPid(node: NodeSpec): number | undefined {
  if (!existsSync(node.pidFile)) return undefined;
  const pid = Number(readFileSync(node.pidFile, 'utf8').trim());
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  // A zombie still answers kill(0); /proc tells it apart (Linux only, harmless elsewhere).
  return procState(pid) !== 'Z';
}

function procState(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[0];
  } catch {
    return undefined;
  }
}

/** The pid of the node's JVM if it is alive and is really a Kafka JVM (pid files outlive reboots). */
export function livePid(node: NodeSpec): number | undefined {
  const pid = readPid(node);
  if (pid === undefined || !isAlive(pid)) return undefined;
  try {
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    if (!cmdline.includes('kafka.Kafka') || !cmdline.includes(node.configFile)) return undefined;
  } catch {
    // No /proc (macOS): trust the pid file.
  }
  return pid;
}

export function nodeState(node: NodeSpec): NodeState {
  const pid = livePid(node);
  if (pid === undefined) return NodeState.Stopped;
  return procState(pid) === 'T' ? NodeState.Paused : NodeState.Running;
}

export interface LaunchOptions {
  readonly java: string;
  readonly classpath: string;
  readonly log4jFile: string;
}

/** Starts the node's JVM detached from this process, stdout and stderr appended to its log. */
export function launchNode(node: NodeSpec, options: LaunchOptions): number {
  const out = openSync(node.logFile, 'a');
  try {
    const child = spawn(
      options.java,
      [
        `-Xms${Math.min(256, node.heapMb)}m`,
        `-Xmx${node.heapMb}m`,
        '-XX:+UseG1GC',
        '-XX:MaxGCPauseMillis=20',
        '-Djava.awt.headless=true',
        `-Dlog4j2.configurationFile=${options.log4jFile}`,
        '-cp',
        options.classpath,
        'kafka.Kafka',
        node.configFile,
      ],
      { detached: true, stdio: ['ignore', out, out] },
    );
    child.unref();
    if (child.pid === undefined) throw new Error(`could not start java for node ${node.id}`);
    writeFileSync(node.pidFile, String(child.pid));
    return child.pid;
  } finally {
    closeSync(out);
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitForExit(pid: number, deadlineMs: number): Promise<boolean> {
  const until = Date.now() + deadlineMs;
  while (Date.now() < until) {
    if (!isAlive(pid)) return true;
    await sleep(100);
  }
  return !isAlive(pid);
}

/**
 * Clean shutdown: SIGTERM lets Kafka run its controlled shutdown (leadership moves away,
 * logs are flushed); SIGKILL follows only if that takes longer than the deadline.
 * Returns how the node ended.
 */
export async function stopNode(node: NodeSpec, deadlineMs = 30_000): Promise<'not-running' | 'stopped' | 'killed'> {
  const pid = livePid(node);
  if (pid === undefined) {
    rmSync(node.pidFile, { force: true });
    return 'not-running';
  }
  // A paused JVM cannot handle SIGTERM until it runs again.
  process.kill(pid, 'SIGCONT');
  process.kill(pid, 'SIGTERM');
  let outcome: 'stopped' | 'killed' = 'stopped';
  if (!(await waitForExit(pid, deadlineMs))) {
    process.kill(pid, 'SIGKILL');
    await waitForExit(pid, 5_000);
    outcome = 'killed';
  }
  rmSync(node.pidFile, { force: true });
  return outcome;
}

/** For fault tests: kill -9, SIGSTOP and SIGCONT on one node. */
export async function signalNode(node: NodeSpec, signal: 'SIGKILL' | 'SIGSTOP' | 'SIGCONT'): Promise<number | undefined> {
  const pid = livePid(node);
  if (pid === undefined) return undefined;
  process.kill(pid, signal);
  if (signal === 'SIGKILL') {
    await waitForExit(pid, 5_000);
    rmSync(node.pidFile, { force: true });
  }
  return pid;
}
