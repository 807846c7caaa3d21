/**
 * The records the runtime consumes, in its own words. The shapes are the ones every Kafka
 * client hands out (offset as a string, key and value as bytes, headers by name), so an
 * adapter passes its client's objects through without copying them per record.
 */

/** Header values as Kafka carries them: bytes, or a string a producer wrote; repeated names as a list. */
export type RecordHeaderValue = Buffer | string | Array<Buffer | string> | undefined;

export interface RecordHeaders {
  [name: string]: RecordHeaderValue;
}

export interface ConsumedRecord {
  /** Decimal string; never a JS number (offsets pass 2^53). */
  readonly offset: string;
  readonly key?: Buffer | null;
  readonly value: Buffer | null;
  readonly headers?: RecordHeaders;
  /** Kafka's record timestamp, ms since the epoch, as a string. */
  readonly timestamp: string;
}

/** The records of one partition that one fetch brought, in offset order. */
export interface ConsumedBatch {
  readonly topic: string;
  readonly partition: number;
  readonly highWatermark: string;
  readonly messages: readonly ConsumedRecord[];
  /** Null for an empty batch. */
  firstOffset(): string | null;
  lastOffset(): string;
}

/** What a strategy may do while it processes a batch. */
export interface BatchControls {
  /** The fetch position of this partition moves past `offset` (what is committed is separate). */
  resolveOffset(offset: string): void;
  /** Keeps the membership alive; rejects when the group is rebalancing. */
  heartbeat(): Promise<void>;
  /** Stops fetching this partition; the returned function resumes it. */
  pause(): () => void;
  /** False once the consumer is stopping. */
  isRunning(): boolean;
  /** True once this batch's partition was reassigned or seeked under it. */
  isStale(): boolean;
}

/** Assigned partitions by topic, as a group assignment lists them. */
export type PartitionAssignment = Readonly<Record<string, readonly number[]>>;
