import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** CPU time of the broker JVM and of this Node process over one measured window. */
export interface CpuUsage {
  readonly wallSeconds: number;
  /** CPU seconds of the broker JVM; undefined when its pid is unknown (remote KAFKA_BROKERS). */
  readonly brokerCpuSeconds?: number;
  readonly nodeCpuSeconds: number;
}

export interface CpuSnapshot {
  readonly at: number;
  readonly brokerTicks?: number;
  readonly node: NodeJS.CpuUsage;
}

export function clockTicksPerSecond(): number {
  try {
    const value = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());
    return Number.isFinite(value) && value > 0 ? value : 100;
  } catch {
    return 100;
  }
}

/**
 * utime + stime of a process, in clock ticks (proc(5): fields 14 and 15 of /proc/<pid>/stat).
 * The command name (field 2) may hold spaces, so fields are counted after its closing ')'.
 */
export function procCpuTicks(statLine: string): number {
  const rest = statLine.slice(statLine.lastIndexOf(')') + 2).split(' ');
  // rest[0] is field 3 (state), so field 14 is rest[11] and field 15 rest[12].
  return Number(rest[11]) + Number(rest[12]);
}

/** Samples cumulative CPU counters; a window is the difference of two snapshots. */
export class CpuMeter {
  private readonly ticksPerSecond = clockTicksPerSecond();

  constructor(readonly brokerPid: number | undefined) {}

  snapshot(): CpuSnapshot {
    return { at: performance.now(), brokerTicks: this.brokerTicks(), node: process.cpuUsage() };
  }

  since(start: CpuSnapshot, end: CpuSnapshot = this.snapshot()): CpuUsage {
    const nodeMicros = end.node.user - start.node.user + (end.node.system - start.node.system);
    const brokerTicks = start.brokerTicks !== undefined && end.brokerTicks !== undefined ? end.brokerTicks - start.brokerTicks : undefined;
    return {
      wallSeconds: (end.at - start.at) / 1_000,
      brokerCpuSeconds: brokerTicks === undefined ? undefined : brokerTicks / this.ticksPerSecond,
      nodeCpuSeconds: nodeMicros / 1e6,
    };
  }

  private brokerTicks(): number | undefined {
    if (this.brokerPid === undefined) return undefined;
    try {
      return procCpuTicks(readFileSync(`/proc/${this.brokerPid}/stat`, 'utf8'));
    } catch {
      return undefined;
    }
  }
}

/** `broker 0.84 s (62 %) · node 1.10 s (81 %)`: CPU seconds and share of one core over the window. */
export function formatCpu(usage: CpuUsage): string {
  const share = (seconds: number) => `${((seconds / Math.max(usage.wallSeconds, 1e-9)) * 100).toFixed(0)} %`;
  const broker = usage.brokerCpuSeconds === undefined ? 'broker n/a' : `broker ${usage.brokerCpuSeconds.toFixed(2)} s (${share(usage.brokerCpuSeconds)})`;
  return `${broker} · node ${usage.nodeCpuSeconds.toFixed(2)} s (${share(usage.nodeCpuSeconds)})`;
}
