import type { CpuUsage } from '../support/cpu-meter';

/**
 * The messages between the comparison (parent) and one tree's probe (tree-probe.child.ts),
 * over Node's IPC channel. Nothing here imports Eventline code: the child loads this file from
 * the current tree whichever tree it measures, and everything else from the tree it measures.
 */
export type ProbeRequest =
  /** Publish `records` to a fresh topic with the tree's EventPublisher. */
  | { readonly id: number; readonly op: 'S2'; readonly records: number }
  /** Drain `topic` (a backlog the parent wrote) with the tree's EventConsumer, optionally with one no-op interceptor. */
  | { readonly id: number; readonly op: 'S3'; readonly topic: string; readonly records: number; readonly interceptor: boolean }
  /** The tree's own S6 scenario, one repetition, at these sizes. */
  | {
      readonly id: number;
      readonly op: 'S6';
      readonly records: number;
      readonly keyCounts: readonly number[];
      readonly handlerMs: number;
      readonly partitionConcurrency: number;
    }
  /** The tree's memory child draining `topic` (a raw backlog the parent wrote). */
  | { readonly id: number; readonly op: 'MEM'; readonly topic: string; readonly records: number }
  | { readonly id: number; readonly op: 'close' };

export type ProbeOp = ProbeRequest['op'];

/** One measured figure; a scenario with cases (S6) answers several. */
export interface ProbeFigure {
  readonly case: string;
  readonly value: number;
  readonly unit: string;
  readonly cpu?: CpuUsage;
  readonly extra?: Readonly<Record<string, number | string>>;
}

export type ProbeMessage =
  | { readonly kind: 'ready' }
  | { readonly kind: 'log'; readonly line: string }
  | { readonly kind: 'result'; readonly id: number; readonly figures: readonly ProbeFigure[] }
  /** The tree cannot run this request (e.g. its runtime has no interceptors): a reason, not a failure. */
  | { readonly kind: 'not-applicable'; readonly id: number; readonly reason: string }
  | { readonly kind: 'error'; readonly id: number; readonly message: string };

/** What the parent gives the child in its environment. */
export const PROBE_ENV = {
  tree: 'BENCH_PROBE_TREE',
  role: 'BENCH_PROBE_ROLE',
  brokers: 'BENCH_PROBE_BROKERS',
  brokerPid: 'BENCH_PROBE_BROKER_PID',
  registryUrl: 'BENCH_PROBE_REGISTRY_URL',
  profile: 'BENCH_PROBE_PROFILE',
  command: 'BENCH_PROBE_COMMAND',
} as const;
