import type { EachBatchPayload } from 'kafkajs';
import type { CommitCoordinator } from '../offsets/commit-coordinator';
import type { OffsetTracker } from '../offsets/offset-tracker';
import type { RuntimeInstrumentation } from '../instrumentation/runtime-events';
import type { PartitionOwnership } from '../consumer/partition-ownership';
import type { PartitionPauses } from '../consumer/partition-pauses';
import type { RecordExecutor } from '../consumer/record-executor';
import type { RetryState } from '../consumer/retry-state';

/** What every strategy works with: the runner's parts, shared by all partitions. */
export interface StrategyContext {
  readonly groupId: string;
  readonly executor: RecordExecutor;
  readonly tracker: OffsetTracker;
  readonly commits: CommitCoordinator;
  readonly ownership: PartitionOwnership;
  readonly retries: RetryState;
  readonly pauses: PartitionPauses;
  readonly instrumentation: RuntimeInstrumentation;
  readonly heartbeatIntervalMs: number;
  /** True once shutdown began: finish the current record, start no new one. */
  readonly stopping: () => boolean;
  /** Called when a record can be neither finished nor retried: the consumer must stop. */
  readonly fatal: (error: unknown) => void;
  /** The group's committed offset and metadata of a partition ('-1' when none). */
  readonly committed: (topic: string, partition: number) => Promise<{ offset: string; metadata: string | null }>;
  readonly keyOrder: KeyOrderLimits;
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
  processBatch(payload: EachBatchPayload): Promise<void>;
  /** The group is rebalancing (every partition revoked) or the consumer stops: release partition state. */
  release?(reason: 'rebalance' | 'shutdown'): Promise<void>;
}
