import type { Assignment } from '../consumer/assignment';
import type { RecordExecutor } from '../consumer/record-executor';
import type { RuntimeInstrumentation } from '../instrumentation/runtime-events';
import type { BatchControls, ConsumedBatch } from '../kafka/consumed-record';
import type { CommitCoordinator } from '../offsets/commit-coordinator';

/** What every strategy works with: the consumer's parts, shared by all partitions. */
export interface StrategyContext {
  readonly groupId: string;
  readonly executor: RecordExecutor;
  /** One state object per assigned partition (status, generation, retry, pause, commit position, the strategy's own state). */
  readonly partitions: Assignment;
  /** When commits are sent: strategies report the end of a batch and a rebalance seen by a heartbeat. */
  readonly commits: CommitCoordinator;
  readonly instrumentation: RuntimeInstrumentation;
  readonly settings: { readonly heartbeatIntervalMs: number; readonly keyOrder: KeyOrderLimits };
  readonly run: ConsumerRun;
  /** The group's committed offset and metadata of a partition ('-1' when none). */
  readonly committed: (topic: string, partition: number) => Promise<{ offset: string; metadata: string | null }>;
}

/** The consumer's run as a strategy sees it. */
export interface ConsumerRun {
  /** True once shutdown began: finish the current record, start no new one. */
  stopping(): boolean;
  /** A record can be neither finished nor retried: the consumer must stop. */
  fatal(error: unknown): void;
}

export interface KeyOrderLimits {
  /** Records of one partition running at once (on different keys). */
  readonly partitionConcurrency: number;
  /** Records running at once across all key-order partitions of the process. */
  readonly processConcurrency: number;
  /** Records of one partition not yet below the watermark before the partition is paused. */
  readonly maxWindow: number;
}

/** How the records of one fetched batch (one partition) are processed. */
export interface ProcessingStrategy {
  processBatch(batch: ConsumedBatch, controls: BatchControls): Promise<void>;
  /** The group is rebalancing (every partition revoked) or the consumer stops: release partition state. */
  release?(reason: 'rebalance' | 'shutdown'): Promise<void>;
}
