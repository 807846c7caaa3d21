import { configError } from '../errors/runtime.error';

/**
 * THE COMMIT RULE lives here, and only here:
 *
 *   For each partition, the offset committed is the offset after the last record whose
 *   processing finished (its handler returned, or it was acknowledged by the dead-letter
 *   topic). A record is marked finished only after every earlier record of its partition,
 *   so the committed offset never passes an unfinished record. Committing past one would
 *   be a silent at-least-once violation: a crash would skip it.
 *
 * Offsets are bigint here and strings on the wire; never JS numbers (they lose precision
 * above 2^53).
 */
export interface CommitPolicy {
  /** Commit once this many finished records are uncommitted (across partitions). */
  readonly maxUncommittedRecords: number;
  /** Commit once the oldest uncommitted finished record is this old. */
  readonly maxUncommittedMs: number;
}

export const DEFAULT_COMMIT_POLICY: CommitPolicy = { maxUncommittedRecords: 1_000, maxUncommittedMs: 1_000 };

export function commitPolicy(overrides: Partial<CommitPolicy> = {}): CommitPolicy {
  const policy = { ...DEFAULT_COMMIT_POLICY, ...overrides };
  if (!Number.isInteger(policy.maxUncommittedRecords) || policy.maxUncommittedRecords < 1) {
    throw configError(`commit.maxUncommittedRecords must be a whole number ≥ 1 (got ${policy.maxUncommittedRecords})`);
  }
  if (!(policy.maxUncommittedMs >= 0)) throw configError(`commit.maxUncommittedMs must be ≥ 0 (got ${policy.maxUncommittedMs})`);
  return policy;
}

export interface TopicPartitionOffset {
  readonly topic: string;
  readonly partition: number;
  /** The next offset to read: last finished + 1 (or, in key order, the watermark). */
  readonly offset: string;
  /** Key order only: which records above the offset finished already (see completed-offsets.codec.ts). */
  readonly metadata?: string;
}

interface PartitionState {
  readonly topic: string;
  readonly partition: number;
  /** last finished offset + 1; in key order the watermark */
  next: bigint;
  metadata?: string;
  committed?: bigint;
  committedMetadata?: string;
}

const keyOf = (topic: string, partition: number) => `${topic}\u0000${partition}`;

export class OffsetTracker {
  private readonly partitions = new Map<string, PartitionState>();
  private uncommittedRecords = 0;
  private oldestUncommittedAt?: number;

  constructor(
    private readonly policy: CommitPolicy = DEFAULT_COMMIT_POLICY,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Records that processing of `offset` finished, and with it the `records` finished records
   * of the partition that end there (a strategy may report a run of consecutive records at
   * once, before it next waits). Offsets of a partition must arrive in order.
   */
  markFinished(topic: string, partition: number, offset: string, records = 1): void {
    const key = keyOf(topic, partition);
    const next = BigInt(offset) + 1n;
    const state = this.partitions.get(key);
    if (state && next <= state.next) {
      throw new Error(`offset ${offset} of ${topic}[${partition}] finished again or out of order (next is ${state.next})`);
    }
    if (state) state.next = next;
    else this.partitions.set(key, { topic, partition, next });
    this.uncommittedRecords += records;
    this.oldestUncommittedAt ??= this.now();
  }

  /**
   * Key order: every record below `watermark` finished, and `metadata` names those above it
   * that finished too. The watermark never moves back; the metadata may change either way.
   */
  markWatermark(topic: string, partition: number, watermark: bigint, metadata: string, finishedRecords: number): void {
    const key = keyOf(topic, partition);
    const state = this.partitions.get(key);
    if (state && watermark < state.next) {
      throw new Error(`watermark of ${topic}[${partition}] would move back from ${state.next} to ${watermark}`);
    }
    if (state && watermark === state.next && metadata === state.metadata) return;
    if (state) {
      state.next = watermark;
      state.metadata = metadata;
    } else this.partitions.set(key, { topic, partition, next: watermark, metadata });
    this.uncommittedRecords += finishedRecords;
    this.oldestUncommittedAt ??= this.now();
  }

  /** True when the policy says the finished offsets should be committed now. */
  isDue(): boolean {
    if (this.uncommittedRecords === 0) return false;
    if (this.uncommittedRecords >= this.policy.maxUncommittedRecords) return true;
    return this.now() - (this.oldestUncommittedAt ?? this.now()) >= this.policy.maxUncommittedMs;
  }

  /** What a commit would send now: each partition whose finished position moved since its last commit. */
  uncommitted(): TopicPartitionOffset[] {
    const result: TopicPartitionOffset[] = [];
    for (const s of this.partitions.values()) {
      if (s.committed === undefined || s.next > s.committed || s.metadata !== s.committedMetadata) {
        result.push({ topic: s.topic, partition: s.partition, offset: s.next.toString(), ...(s.metadata !== undefined ? { metadata: s.metadata } : {}) });
      }
    }
    return result;
  }

  /** Call once Kafka accepted a commit of exactly these offsets. */
  acknowledge(committed: readonly TopicPartitionOffset[]): void {
    for (const c of committed) {
      const state = this.partitions.get(keyOf(c.topic, c.partition));
      if (state) {
        state.committed = BigInt(c.offset);
        state.committedMetadata = c.metadata;
      }
    }
    if (this.uncommitted().length === 0) {
      this.uncommittedRecords = 0;
      this.oldestUncommittedAt = undefined;
    }
  }

  /**
   * Drops partitions this member no longer owns: a commit for them would be refused (or
   * worse, accepted from a stale generation). Their new owner starts from the last commit.
   */
  retainOnly(owned: (topic: string, partition: number) => boolean): void {
    for (const [key, s] of this.partitions) if (!owned(s.topic, s.partition)) this.partitions.delete(key);
    if (this.uncommitted().length === 0) {
      this.uncommittedRecords = 0;
      this.oldestUncommittedAt = undefined;
    }
  }

  /**
   * After a rebalance, kafkajs reads every partition from its committed offset again, so
   * whatever finished but was not committed before is redone and recorded afresh.
   */
  clear(): void {
    this.partitions.clear();
    this.uncommittedRecords = 0;
    this.oldestUncommittedAt = undefined;
  }

  /** The next offset to read for a partition, if any record of it finished here. */
  position(topic: string, partition: number): string | undefined {
    return this.partitions.get(keyOf(topic, partition))?.next.toString();
  }
}
