import type { ConnectionOptions } from 'node:tls';
import type { OutgoingRecord } from '../publisher/outgoing-record';
import type { PublishReceipt } from '../publisher/publish.types';
import type { PublishError } from '../publisher/publish.error';
import type { RetryPolicy } from '../retry/retry-policy';
import type { BatchControls, ConsumedBatch, PartitionAssignment, RecordHeaders } from './consumed-record';

/** A receipt or the error of each record sent, in the order given. */
export type SendOutcome = PublishReceipt | PublishError;

/**
 * The Kafka client port: everything the runtime and the nest module need from a Kafka
 * client, in their own types. One adapter implements it (`kafkajs/`); a fake one
 * (`fake/`) drives the consumer loop in unit tests without a broker. Nothing outside the
 * adapter's folder imports the client library, so changing client means writing one adapter.
 */
export interface KafkaClient {
  consumer(options: ConsumerPortOptions): ConsumerPort;
  producer(options: ProducerPortOptions): ProducerPort;
  admin(options?: { readonly retries?: number }): AdminPort;
  /** The publisher's acknowledged sender, with its own producer and metadata client. */
  eventSender(options: EventSenderOptions): EventSenderPort;
  /** Whether records can be compressed so (a codec may have to be registered with the client). */
  supportsCompression(compression: RecordCompression): boolean;
}

/** Where Kafka is and who we are to it: brokers, TLS and SASL (see @eventline/connection). */
export interface KafkaClientConfig {
  readonly brokers: readonly string[];
  readonly clientId?: string;
  readonly ssl?: boolean | ConnectionOptions;
  readonly sasl?: SaslCredentials;
  readonly connectionTimeoutMs?: number;
  readonly requestTimeoutMs?: number;
  /** The client's own log lines; default: warnings and errors to stderr (the client's default format). */
  readonly log?: ClientLogSink;
}

export type SaslCredentials =
  | { readonly mechanism: 'plain' | 'scram-sha-256' | 'scram-sha-512'; readonly username: string; readonly password: string }
  | { readonly mechanism: 'oauthbearer'; readonly oauthBearerProvider: () => Promise<{ value: string }> };

export const ClientLogLevel = { Error: 'error', Warn: 'warn', Info: 'info', Debug: 'debug' } as const;
export type ClientLogLevel = (typeof ClientLogLevel)[keyof typeof ClientLogLevel];

export interface ClientLogEntry {
  readonly level: ClientLogLevel;
  readonly namespace: string;
  readonly message: string;
  readonly extra: Readonly<Record<string, unknown>>;
}
export type ClientLogSink = (entry: ClientLogEntry) => void;

// ── consumer ────────────────────────────────────────────────────────────────────────────

export interface ConsumerPortOptions {
  readonly groupId: string;
  readonly sessionTimeoutMs: number;
  readonly heartbeatIntervalMs: number;
  readonly maxBytesPerPartition: number;
  readonly maxBytes: number;
  readonly maxWaitTimeMs: number;
}

export interface ConsumerRunOptions {
  /** Partitions whose batches run at the same time. */
  readonly concurrency: number;
  /** One partition's fetched records. The position moves only by `controls.resolveOffset`; nothing is committed by the client. */
  readonly eachBatch: (batch: ConsumedBatch, controls: BatchControls) => Promise<void>;
}

export interface CommittedOffset {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
  readonly metadata?: string;
}

/**
 * Group membership as the runtime sees it, whatever the client's protocol: `revoked` means
 * every partition is gone until the next `assigned` (the eager protocol; a cooperative
 * adapter may report the revoked subset as a whole revoke and re-assign the rest).
 */
export interface GroupListener {
  assigned(event: { readonly memberId: string; readonly assignment: PartitionAssignment }): void;
  revoked(event: { readonly memberId: string }): void;
  crashed(event: { readonly error: Error; readonly restart: boolean }): void;
}

export interface ConsumerPort {
  connect(): Promise<void>;
  subscribe(topics: readonly string[], fromBeginning: boolean): Promise<void>;
  /** Registers the listener; returns a function that removes it. */
  listen(listener: GroupListener): () => void;
  /** Starts the fetch loop (resolves once it runs; batches arrive through `eachBatch`). */
  run(options: ConsumerRunOptions): Promise<void>;
  /** Commits with the current generation; rejects when the broker refuses. */
  commit(offsets: readonly CommittedOffset[]): Promise<void>;
  disconnect(): Promise<void>;
}

// ── producer ────────────────────────────────────────────────────────────────────────────

export interface ProducerPortOptions {
  /** Idempotent producer (acks=all, sequence numbers); the runtime always asks for it. */
  readonly idempotent: true;
  /** Produce requests in flight per connection, 1–5 (≤ 5 keeps idempotent order). */
  readonly maxInFlightRequests: number;
  /** The client's own retries inside one send. */
  readonly retries?: number;
}

export const RecordCompression = { None: 'none', Gzip: 'gzip', Snappy: 'snappy', Lz4: 'lz4', Zstd: 'zstd' } as const;
export type RecordCompression = (typeof RecordCompression)[keyof typeof RecordCompression];

export interface ProducedRecord {
  readonly key: Buffer | string | null;
  readonly value: Buffer | null;
  readonly headers?: RecordHeaders;
  /** Unset: the client's partitioner picks. */
  readonly partition?: number;
  readonly timestamp?: string;
}

export interface ProduceRequest {
  readonly topics: ReadonlyArray<{ readonly topic: string; readonly messages: readonly ProducedRecord[] }>;
  readonly compression?: RecordCompression;
  readonly timeoutMs?: number;
}

/** One partition's answer. `errorCode` 0 and a base offset: written; anything else: not. */
export interface PartitionAck {
  readonly topic: string;
  readonly partition: number;
  readonly errorCode: number;
  readonly baseOffset?: string;
}

export interface ProducerPort {
  connect(): Promise<void>;
  /**
   * Sends with acks=all. Resolves with one answer for every partition of the request that
   * the request wrote or was refused on; a partition missing from the answer was not written.
   * Rejects when the request as a whole failed (nothing known to be written).
   */
  send(request: ProduceRequest): Promise<PartitionAck[]>;
  disconnect(): Promise<void>;
}

// ── admin ───────────────────────────────────────────────────────────────────────────────

export interface TopicPartitionInfo {
  readonly partitionId: number;
  /** Broker id of the leader; negative while the partition has none. */
  readonly leader: number;
  readonly replicas: readonly number[];
}

export interface TopicSpec {
  readonly topic: string;
  readonly numPartitions: number;
  readonly replicationFactor: number;
  readonly configEntries?: ReadonlyArray<{ readonly name: string; readonly value: string }>;
}

export interface AdminPort {
  connect(): Promise<void>;
  listTopics(): Promise<string[]>;
  /** Partitions of each topic (rejects when one does not exist). */
  topicPartitions(topics: readonly string[]): Promise<ReadonlyArray<{ readonly name: string; readonly partitions: readonly TopicPartitionInfo[] }>>;
  /** The named configs of each topic. */
  topicConfigs(topics: readonly string[], names: readonly string[]): Promise<ReadonlyMap<string, ReadonlyMap<string, string>>>;
  createTopics(topics: readonly TopicSpec[]): Promise<void>;
  /** The group's committed offset and metadata of each partition of `topic` ('-1' when none). */
  committedOffsets(groupId: string, topic: string): Promise<ReadonlyArray<{ readonly partition: number; readonly offset: string; readonly metadata: string | null }>>;
  disconnect(): Promise<void>;
}

// ── the publisher's sender ──────────────────────────────────────────────────────────────

export interface EventSenderOptions {
  readonly compression: RecordCompression;
  readonly ackTimeoutMs: number;
  /** Sends of records not acknowledged are repeated under this policy (maxAttempts counts the first). */
  readonly resend: RetryPolicy;
  readonly maxInFlightRequests: number;
  readonly producerRetries: number;
}

/**
 * The publisher's way out: encoded records in, one outcome per record (where Kafka stored
 * it, or why not) — counted as written only when Kafka acknowledged its very partition. How
 * a client gets there (partitioning, resends, a client's own acknowledgement bugs) is the
 * adapter's.
 */
export interface EventSenderPort {
  connect(): Promise<void>;
  send(records: readonly OutgoingRecord[]): Promise<SendOutcome[]>;
  disconnect(): Promise<void>;
}
