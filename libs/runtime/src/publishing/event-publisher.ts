import { randomUUID } from 'node:crypto';
import type { Admin, CompressionTypes, Kafka, Producer } from 'kafkajs';
import { isCodecError, CodecErrorCode, type AvroCodec, type AvroEncoder } from '@eventline/codec';
import { buildCloudEventHeaders, EventCatalog, type EventPayload, type EventType } from '@eventline/contracts';
import { RuntimeInstrumentation } from '../instrumentation/runtime-events';
import { PublishError, PublishErrorCode } from './publish.error';
import { SendBatcher } from './send-batcher';

export interface EventPublisherOptions {
  readonly kafka: Kafka;
  readonly codec: AvroCodec;
  /** CloudEvents `ce_source` of everything this publisher sends, e.g. `/eventline/orders-service`. */
  readonly source: string;
  /** The physical topic of an event type; default the catalog's topic. */
  readonly topicOf?: (type: EventType) => string;
  /** How long a publish waits to share a produce request with the next ones. Default 2 ms. */
  readonly lingerMs?: number;
  /** Most records in one produce request. Default 1,000. */
  readonly maxBatchRecords?: number;
  /** Sends of a batch before its unacknowledged records fail. Default 6. */
  readonly maxAttempts?: number;
  readonly compression?: CompressionTypes;
  readonly instrumentation?: RuntimeInstrumentation;
}

export interface PublishOptions {
  /** Default: the payload's catalog key field. */
  readonly key?: string;
  /** CloudEvents id; default a new UUID. A re-publish of the same event must pass the same id. */
  readonly id?: string;
  readonly time?: Date;
  readonly traceparent?: string;
  /** Extra headers; the CloudEvents headers win. */
  readonly headers?: Readonly<Record<string, string>>;
}

export interface PublishReceipt {
  readonly id: string;
  readonly type: EventType;
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
}

export interface EventToPublish<T extends EventType = EventType> {
  readonly type: T;
  readonly payload: EventPayload<T>;
  readonly options?: PublishOptions;
}

/**
 * Publishes catalog events: Avro in the Confluent wire format, CloudEvents binary-mode
 * headers, keyed by the catalog's key field, through an idempotent producer with acks=all.
 * Idempotence lets Kafka keep per-partition order with up to 5 requests in flight; a publish
 * resolves only once Kafka acknowledged its record (see SendBatcher for how).
 */
export class EventPublisher {
  private readonly producer: Producer;
  private readonly admin: Admin;
  private readonly batcher: SendBatcher;
  private readonly encoders = new Map<EventType, AvroEncoder<unknown>>();
  private readonly partitionCounts = new Map<string, Promise<number>>();
  /** Publishes still waiting for an encoder, chained so they enqueue in call order. */
  private preparing: Promise<unknown> = Promise.resolve();
  private waitingForEncoders = 0;
  private isConnected = false;
  private closed = false;

  constructor(private readonly options: EventPublisherOptions) {
    if (!options.source) throw new PublishError(PublishErrorCode.InvalidPayload, 'publisher option "source" (CloudEvents ce_source) is empty');
    this.producer = options.kafka.producer({ idempotent: true, maxInFlightRequests: 5, retry: { retries: 5 } });
    this.admin = options.kafka.admin();
    this.batcher = new SendBatcher(
      this.producer,
      (topic) => this.partitionCount(topic),
      (topic) => this.partitionCounts.delete(topic),
      {
        lingerMs: options.lingerMs ?? 2,
        maxBatchRecords: options.maxBatchRecords ?? 1_000,
        maxAttempts: options.maxAttempts ?? 6,
        compression: options.compression,
        instrumentation: options.instrumentation ?? new RuntimeInstrumentation(),
      },
    );
  }

  get connected(): boolean {
    return this.isConnected;
  }

  async connect(): Promise<void> {
    await this.producer.connect();
    await this.admin.connect();
    this.isConnected = true;
  }

  publish<T extends EventType>(type: T, payload: EventPayload<T>, options: PublishOptions = {}): Promise<PublishReceipt> {
    if (this.closed) return Promise.reject(new PublishError(PublishErrorCode.Closed, 'the publisher was disconnected'));
    const definition = EventCatalog[type];
    if (!definition) return Promise.reject(new PublishError(PublishErrorCode.UnknownEventType, `"${String(type)}" is not an event type of the catalog`));
    const encoder = this.encoders.get(type);
    // Fast path: the encoder is known and no earlier publish still waits for one.
    if (encoder && this.waitingForEncoders === 0) return this.send(type, payload, options, encoder);
    this.waitingForEncoders++;
    const ready = this.preparing.then(() => this.encoderFor(type)).finally(() => this.waitingForEncoders--);
    this.preparing = ready.catch(() => undefined);
    return ready.then((e) => this.send(type, payload, options, e));
  }

  publishMany(events: readonly EventToPublish[]): Promise<PublishReceipt[]> {
    return Promise.all(events.map((e) => this.publish(e.type, e.payload as never, e.options)));
  }

  /** Waits until every publish started so far is acknowledged or failed. */
  async flush(): Promise<void> {
    await this.preparing;
    await this.batcher.flush();
  }

  async disconnect(): Promise<void> {
    this.closed = true;
    await this.flush();
    this.isConnected = false;
    await this.producer.disconnect();
    await this.admin.disconnect();
  }

  private send<T extends EventType>(type: T, payload: EventPayload<T>, options: PublishOptions, encoder: AvroEncoder<unknown>): Promise<PublishReceipt> {
    const definition = EventCatalog[type];
    let value: Buffer;
    try {
      value = encoder.encode(payload);
    } catch (error) {
      return Promise.reject(new PublishError(PublishErrorCode.InvalidPayload, `${type}: ${(error as Error).message}`, { cause: error }));
    }
    const key = options.key ?? String((payload as unknown as Record<string, unknown>)[definition.keyField]);
    const id = options.id ?? randomUUID();
    const headers = {
      ...options.headers,
      ...buildCloudEventHeaders({ id, type, source: this.options.source, time: options.time, traceparent: options.traceparent }),
    };
    const topic = this.options.topicOf?.(type) ?? definition.topic;
    return this.batcher.enqueue({ topic, key, value, headers }).then((r) => ({ id, type, topic: r.topic, partition: r.partition, offset: r.offset }));
  }

  private async encoderFor(type: EventType): Promise<AvroEncoder<unknown>> {
    const cached = this.encoders.get(type);
    if (cached) return cached;
    const definition = EventCatalog[type];
    try {
      const encoder = await this.options.codec.encoderFor({ subject: definition.subject, schema: definition.schema });
      this.encoders.set(type, encoder);
      return encoder;
    } catch (error) {
      if (isCodecError(error, CodecErrorCode.SchemaNotRegistered)) {
        throw new PublishError(PublishErrorCode.SchemaNotRegistered, `${type}: ${(error as Error).message}`, { cause: error });
      }
      throw new PublishError(PublishErrorCode.RegistryUnavailable, `${type}: the schema registry could not be asked (${(error as Error).message})`, { cause: error });
    }
  }

  private partitionCount(topic: string): Promise<number> {
    let count = this.partitionCounts.get(topic);
    if (!count) {
      count = this.admin.fetchTopicMetadata({ topics: [topic] }).then((m) => m.topics[0].partitions.length);
      count.catch(() => this.partitionCounts.delete(topic));
      this.partitionCounts.set(topic, count);
    }
    return count;
  }
}
