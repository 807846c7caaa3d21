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

/** Key order: the position is read from the strategy's window when a commit is prepared. */
export type WatermarkSource = () => { readonly watermark: bigint; readonly metadata: string };

/**
 * One partition's commit position. Held by the partition's state (consumer/partition-state.ts)
 * so the per-record path needs no lookup; the counts the commit policy reads are the tracker's.
 */
export class PartitionOffsets {
  /** last finished offset + 1; in key order the watermark */
  next?: bigint;
  metadata?: string;
  committed?: bigint;
  committedMetadata?: string;
  private source?: WatermarkSource;

  constructor(
    readonly topic: string,
    readonly partition: number,
    private readonly counts: FinishedCounts,
  ) {}

  /**
   * Records that processing of `offset` finished, and with it the `records` finished records
   * of the partition that end there (a strategy may report a run of consecutive records at
   * once, before it next waits). Offsets of a partition must arrive in order.
   */
  markFinished(offset: string, records = 1): void {
    const next = BigInt(offset) + 1n;
    if (this.next !== undefined && next <= this.next) {
      throw new Error(`offset ${offset} of ${this.topic}[${this.partition}] finished again or out of order (next is ${this.next})`);
    }
    this.next = next;
    this.counts.finished(records);
  }

  /**
   * Key order: every record below `watermark` finished, and `metadata` names those above it
   * that finished too. The watermark never moves back; the metadata may change either way.
   */
  markWatermark(watermark: bigint, metadata: string, finishedRecords: number): void {
    if (this.next !== undefined && watermark < this.next) {
      throw new Error(`watermark of ${this.topic}[${this.partition}] would move back from ${this.next} to ${watermark}`);
    }
    if (watermark === this.next && metadata === this.metadata) return;
    this.next = watermark;
    this.metadata = metadata;
    this.counts.finished(finishedRecords);
  }

  /**
   * Key order: the position is the strategy's watermark and finished-above set, read when a
   * commit is prepared (encoding the set per record would cost more than the records); each
   * finished record is counted with `countFinished` for the commit policy.
   */
  followWatermark(source: WatermarkSource): void {
    this.source = source;
  }

  countFinished(records = 1): void {
    this.counts.finished(records);
  }

  /** Reads the followed watermark, if any, into the position (before a commit is prepared). */
  refresh(): void {
    if (!this.source) return;
    const { watermark, metadata } = this.source();
    this.markWatermark(watermark, metadata, 0);
  }

  /** The position a commit would send, when it moved since the last commit. */
  pending(): TopicPartitionOffset | undefined {
    if (this.next === undefined) return undefined;
    if (this.committed !== undefined && this.next <= this.committed && this.metadata === this.committedMetadata) return undefined;
    return { topic: this.topic, partition: this.partition, offset: this.next.toString(), ...(this.metadata !== undefined ? { metadata: this.metadata } : {}) };
  }
}

/** What the commit policy counts: finished records not yet committed, and since when. */
interface FinishedCounts {
  finished(records: number): void;
}

const keyOf = (topic: string, partition: number) => `${topic}\u0000${partition}`;

export class OffsetTracker {
  private readonly partitions = new Map<string, PartitionOffsets>();
  private uncommittedRecords = 0;
  private oldestUncommittedAt?: number;
  private readonly counts: FinishedCounts = {
    finished: (records) => {
      this.uncommittedRecords += records;
      this.oldestUncommittedAt ??= this.now();
    },
  };

  constructor(
    private readonly policy: CommitPolicy = DEFAULT_COMMIT_POLICY,
    private readonly now: () => number = Date.now,
  ) {}

  /** The commit position of a partition (made on first use). */
  partition(topic: string, partition: number): PartitionOffsets {
    const key = keyOf(topic, partition);
    let offsets = this.partitions.get(key);
    if (!offsets) this.partitions.set(key, (offsets = new PartitionOffsets(topic, partition, this.counts)));
    return offsets;
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
    for (const offsets of this.partitions.values()) {
      offsets.refresh();
      const pending = offsets.pending();
      if (pending) result.push(pending);
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
   * At a new assignment the client reads every partition from its committed offset again, so
   * whatever finished but was not committed before is redone and recorded afresh.
   */
  clear(): void {
    this.partitions.clear();
    this.uncommittedRecords = 0;
    this.oldestUncommittedAt = undefined;
  }
}
