import type { AvroCodec } from '@eventline/codec';
import { DEFAULT_SUBJECT_NAME_STRATEGY, EventCatalog, type EventType, type SubjectNameStrategy } from '@eventline/contracts';
import type { RuntimeInstrumentation } from '../instrumentation/runtime-events';
import { checkInterceptors } from '../interceptors/interceptor';
import { RecordCompression, type KafkaClient } from '../kafka/kafka-client.port';
import type { PublishInterceptor } from './publish-interceptor';
import { retryPolicy, type RetryPolicy } from '../retry/retry-policy';
import { publisherConfigError } from './publish.error';

/** Record batch compression. On kafkajs only gzip is built in; the others need a codec registered in its `CompressionCodecs`. */
export const PublishCompression = RecordCompression;
export type PublishCompression = RecordCompression;

export interface EventPublisherOptions {
  /** The Kafka client port (`kafkaJsClient(kafka)`); the publisher owns the sender it makes of it. */
  readonly client: Pick<KafkaClient, 'eventSender' | 'supportsCompression'>;
  readonly codec: AvroCodec;
  /** CloudEvents `ce_source` of every event, e.g. `/eventline/orders-service`. */
  readonly source: string;
  /** Physical topic of an event type; default the catalog topic. */
  readonly topicOf?: (type: EventType) => string;
  /** Subject naming of the schemas; default TopicRecordNameStrategy, as the catalog. */
  readonly subjectStrategy?: SubjectNameStrategy;
  /**
   * How long the first publish of a batch waits for others to join it. Default 1 ms: it beat
   * 2 ms at every rate of benchmark S4, and 0 ms sent many tiny requests (the figures are in
   * docs/benchmarks.md, S4). Records that arrive while a batch is in flight wait for it
   * anyway and go out together.
   */
  readonly lingerMs?: number;
  /** Records per send. Default 500. */
  readonly maxBatchCount?: number;
  /** Approximate bytes (values, keys, headers) per send. Default 512 KiB, under the broker's 1 MiB `message.max.bytes`. */
  readonly maxBatchBytes?: number;
  readonly compression?: PublishCompression;
  /** Produce requests in flight per broker connection, 1–5. Default 5. */
  readonly maxInFlightRequests?: number;
  /** kafkajs's own retries inside one send. Default 5. */
  readonly producerRetries?: number;
  /** How long the broker may take to acknowledge one send. Default 30 s. */
  readonly ackTimeoutMs?: number;
  /**
   * Sends of records Kafka did not acknowledge (or that failed with a broker error) are
   * repeated under this policy; `maxAttempts` counts the first send. Default 8 attempts,
   * 100 ms doubling to 2 s.
   */
  readonly resend?: Partial<RetryPolicy>;
  readonly instrumentation?: RuntimeInstrumentation;
  /** Default CloudEvents id; default `crypto.randomUUID` (v4). */
  readonly newId?: () => string;
  /** Around every publish, from the call to Kafka's acknowledgement; the first is outermost. */
  readonly interceptors?: readonly PublishInterceptor[];
}

export interface ResolvedPublisherOptions {
  readonly source: string;
  readonly topicOf: (type: EventType) => string;
  readonly subjectStrategy: SubjectNameStrategy;
  readonly lingerMs: number;
  readonly maxBatchCount: number;
  readonly maxBatchBytes: number;
  readonly compression: RecordCompression;
  readonly maxInFlightRequests: number;
  readonly producerRetries: number;
  readonly ackTimeoutMs: number;
  readonly resend: RetryPolicy;
  readonly interceptors: readonly PublishInterceptor[];
}

export const DEFAULT_RESEND_POLICY: Partial<RetryPolicy> = { maxAttempts: 8, initialDelayMs: 100, maxDelayMs: 2_000, multiplier: 2, jitter: 0.2 };

/** Checks every option at construction and names each one that is wrong. */
export function resolvePublisherOptions(options: EventPublisherOptions): ResolvedPublisherOptions {
  const problems: string[] = [];
  const whole = (name: string, value: number, min: number, max = Number.MAX_SAFE_INTEGER) => {
    if (!Number.isInteger(value) || value < min || value > max) problems.push(`${name} must be a whole number in ${min}..${max === Number.MAX_SAFE_INTEGER ? '∞' : max} (got ${value})`);
    return value;
  };

  if (typeof options.source !== 'string' || options.source.trim() === '') {
    problems.push('source (CloudEvents ce_source) must be a non-empty URI reference, e.g. /eventline/orders-service');
  }
  const lingerMs = options.lingerMs ?? 1;
  if (!(Number.isFinite(lingerMs) && lingerMs >= 0 && lingerMs <= 1_000)) problems.push(`lingerMs must be within 0..1000 (got ${lingerMs})`);
  const maxBatchCount = whole('maxBatchCount', options.maxBatchCount ?? 500, 1, 100_000);
  const maxBatchBytes = whole('maxBatchBytes', options.maxBatchBytes ?? 512 * 1024, 1_024);
  // Kafka keeps per-partition order for an idempotent producer with at most 5 requests in
  // flight per connection: the broker tracks the last 5 batch sequence numbers per producer
  // and partition and rejects a batch that skips ahead (OUT_OF_ORDER_SEQUENCE_NUMBER), so a
  // retried batch cannot land behind a later one. Above 5 that guarantee is gone (KIP-98,
  // `max.in.flight.requests.per.connection` ≤ 5 with `enable.idempotence`).
  const maxInFlightRequests = whole('maxInFlightRequests', options.maxInFlightRequests ?? 5, 1, 5);
  const producerRetries = whole('producerRetries', options.producerRetries ?? 5, 0, 100);
  const ackTimeoutMs = whole('ackTimeoutMs', options.ackTimeoutMs ?? 30_000, 100);
  const compression = options.compression ?? PublishCompression.None;
  if (!(Object.values(PublishCompression) as string[]).includes(compression)) {
    problems.push(`compression must be one of ${Object.values(PublishCompression).join(', ')} (got ${String(compression)})`);
  } else if (!options.client.supportsCompression(compression)) {
    problems.push(`compression ${compression} needs a codec: register one in kafkajs's CompressionCodecs[CompressionTypes.${COMPRESSION_TYPE_NAMES[compression]}] first, or use gzip`);
  }
  let interceptors: readonly PublishInterceptor[] = [];
  try {
    interceptors = checkInterceptors('interceptors', options.interceptors) as readonly PublishInterceptor[];
  } catch (error) {
    problems.push((error as Error).message);
  }
  let resend: RetryPolicy | undefined;
  try {
    resend = retryPolicy({ ...DEFAULT_RESEND_POLICY, ...options.resend }, 'resend');
  } catch (error) {
    problems.push((error as Error).message);
  }
  if (options.topicOf !== undefined && typeof options.topicOf !== 'function') problems.push('topicOf must be a function from event type to topic');
  if (problems.length > 0 || resend === undefined) throw publisherConfigError(problems);

  return {
    source: options.source,
    topicOf: options.topicOf ?? ((type) => EventCatalog[type].topic),
    subjectStrategy: options.subjectStrategy ?? DEFAULT_SUBJECT_NAME_STRATEGY,
    lingerMs,
    maxBatchCount,
    maxBatchBytes,
    compression,
    maxInFlightRequests,
    producerRetries,
    ackTimeoutMs,
    resend,
    interceptors,
  };
}

// kafkajs's names of the codecs, for the message that says where to register one.
const COMPRESSION_TYPE_NAMES: Record<RecordCompression, string> = { none: 'None', gzip: 'GZIP', snappy: 'Snappy', lz4: 'LZ4', zstd: 'ZSTD' };
