import { configError } from '../errors/runtime.error';
import { checkInterceptors } from '../interceptors/interceptor';
import type { RuntimeInstrumentation } from '../instrumentation/runtime-events';
import type { KafkaClient, ProducerPort } from '../kafka/kafka-client.port';
import { commitPolicy, type CommitPolicy } from '../offsets/offset-tracker';
import type { KeyOrderLimits } from '../strategies/processing-strategy';
import type { EventRoute } from './event-route';
import type { HandlerInterceptor } from './handler-interceptor';
import type { RecordDecoder } from './record-decoder';

/**
 * How much one fetch brings, unless the options say otherwise. A fetched batch becomes one JS
 * object per record, all alive until the batch is processed, so the per-partition size is what
 * sets the consumer's memory; the measured trade-off (peak RSS against throughput) is in
 * docs/benchmarks.md, scenario MEM.
 */
export const CONSUMER_FETCH_DEFAULTS = Object.freeze({
  maxBytesPerPartition: 512 * 1024,
  maxBytes: 2 * 1024 * 1024,
  maxWaitTimeMs: 200,
});

export interface EventConsumerOptions {
  /** The Kafka client port; on kafkajs: `kafkaJsClient(kafka)` or `createKafkaJsClient(config)`. */
  readonly client: KafkaClient;
  readonly groupId: string;
  readonly routes: ReadonlyArray<EventRoute<never>>;
  /** Default: raw records (the value buffer, type `*`). Eventline events: CloudEventAvroDecoder. */
  readonly decoder?: RecordDecoder;
  readonly instrumentation?: RuntimeInstrumentation;
  /** Around every handler attempt of every route, outside the routes' own; the first is outermost. */
  readonly interceptors?: readonly HandlerInterceptor[];
  /** Partitions processed at the same time by this process (each in order). Default 4. */
  readonly concurrency?: number;
  readonly commit?: Partial<CommitPolicy>;
  /** A new group starts at the earliest offset (default) or the latest. */
  readonly startFrom?: 'earliest' | 'latest';
  readonly sessionTimeoutMs?: number;
  readonly heartbeatIntervalMs?: number;
  /**
   * Backpressure: a fetch brings at most this many bytes per partition and in all, so the
   * records in memory (and in flight) are bounded whatever the backlog. Defaults 512 KiB /
   * 2 MiB (CONSUMER_FETCH_DEFAULTS).
   */
  readonly maxBytesPerPartition?: number;
  readonly maxBytes?: number;
  /**
   * Longest a fetch waits for new records (kafkajs's default is 5 s). A partition resumed
   * after a retry backoff is only fetched again when the fetch in flight returns, so this
   * bounds the extra delay of every retry. Default 200 ms.
   */
  readonly maxWaitTimeMs?: number;
  /** Key-order processing bounds (routes with mode 'key-order'). */
  readonly keyOrder?: Partial<KeyOrderLimits>;
  /** How long a shutdown waits for in-flight records before leaving anyway. Default 30 s. */
  readonly shutdownTimeoutMs?: number;
  /** Dead letters are written with this producer; by default the consumer makes an idempotent one. */
  readonly producer?: ProducerPort;
}

/** Every option checked and defaulted. */
export interface ResolvedConsumerOptions {
  readonly concurrency: number;
  readonly sessionTimeoutMs: number;
  readonly heartbeatIntervalMs: number;
  readonly shutdownTimeoutMs: number;
  readonly maxBytesPerPartition: number;
  readonly maxBytes: number;
  readonly maxWaitTimeMs: number;
  readonly commit: CommitPolicy;
  /** How often the commit policy is checked when no batch ends. */
  readonly commitCheckIntervalMs: number;
  readonly keyOrder: KeyOrderLimits;
  readonly interceptors: readonly HandlerInterceptor[];
  readonly fromBeginning: boolean;
}

function positiveInt(name: string, value: number | undefined, fallback: number): number {
  const v = value ?? fallback;
  if (!Number.isInteger(v) || v <= 0) throw configError(`${name} must be a whole number > 0 (got ${value})`);
  return v;
}

/** Checks every option at construction; the first one wrong names itself and what to change. */
export function resolveConsumerOptions(options: EventConsumerOptions): ResolvedConsumerOptions {
  if (!options.groupId) throw configError('groupId is empty');
  if (!options.client || typeof options.client.consumer !== 'function') throw configError('client must be a Kafka client (kafkaJsClient(kafka) or createKafkaJsClient(config))');
  const sessionTimeoutMs = positiveInt('sessionTimeoutMs', options.sessionTimeoutMs, 30_000);
  const heartbeatIntervalMs = positiveInt('heartbeatIntervalMs', options.heartbeatIntervalMs, 3_000);
  if (heartbeatIntervalMs * 3 > sessionTimeoutMs) {
    throw configError(`heartbeatIntervalMs (${heartbeatIntervalMs}) must be at most a third of sessionTimeoutMs (${sessionTimeoutMs})`);
  }
  const commit = commitPolicy(options.commit);
  if (options.startFrom !== undefined && options.startFrom !== 'earliest' && options.startFrom !== 'latest') {
    throw configError(`startFrom must be earliest or latest (got ${String(options.startFrom)})`);
  }
  return {
    concurrency: positiveInt('concurrency', options.concurrency, 4),
    sessionTimeoutMs,
    heartbeatIntervalMs,
    shutdownTimeoutMs: positiveInt('shutdownTimeoutMs', options.shutdownTimeoutMs, 30_000),
    maxBytesPerPartition: positiveInt('maxBytesPerPartition', options.maxBytesPerPartition, CONSUMER_FETCH_DEFAULTS.maxBytesPerPartition),
    maxBytes: positiveInt('maxBytes', options.maxBytes, CONSUMER_FETCH_DEFAULTS.maxBytes),
    maxWaitTimeMs: positiveInt('maxWaitTimeMs', options.maxWaitTimeMs, CONSUMER_FETCH_DEFAULTS.maxWaitTimeMs),
    commit,
    commitCheckIntervalMs: Math.max(100, Math.min(1_000, commit.maxUncommittedMs)),
    keyOrder: {
      partitionConcurrency: positiveInt('keyOrder.partitionConcurrency', options.keyOrder?.partitionConcurrency, 64),
      processConcurrency: positiveInt('keyOrder.processConcurrency', options.keyOrder?.processConcurrency, 256),
      maxWindow: positiveInt('keyOrder.maxWindow', options.keyOrder?.maxWindow, 20_000),
    },
    interceptors: checkInterceptors('interceptors', options.interceptors) as readonly HandlerInterceptor[],
    fromBeginning: (options.startFrom ?? 'earliest') === 'earliest',
  };
}
