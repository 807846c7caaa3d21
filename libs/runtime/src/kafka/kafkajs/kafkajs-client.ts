import { Kafka, logLevel, type Admin, type SASLOptions } from 'kafkajs';
import type { AdminPort, ConsumerPort, ConsumerPortOptions, EventSenderOptions, EventSenderPort, KafkaClient, KafkaClientConfig, ProducerPort, ProducerPortOptions, RecordCompression } from '../kafka-client.port';
import { KafkaJsAdminAdapter } from './kafkajs-admin.adapter';
import { kafkaJsSupportsCompression } from './kafkajs-compression';
import { KafkaJsConsumerAdapter } from './kafkajs-consumer.adapter';
import { KafkaJsEventSender } from './kafkajs-event-sender';
import { kafkaJsLogCreator } from './kafkajs-log';
import { KafkaJsProducerAdapter } from './kafkajs-producer.adapter';

/** The parts of a kafkajs client the adapter uses (a test may hand in a fake of them). */
export type KafkaJsLike = Pick<Kafka, 'consumer' | 'producer' | 'admin'>;

/** The Kafka client port on an existing kafkajs client. */
export function kafkaJsClient(kafka: KafkaJsLike): KafkaClient {
  return {
    consumer: (options: ConsumerPortOptions): ConsumerPort =>
      new KafkaJsConsumerAdapter(
        kafka.consumer({
          groupId: options.groupId,
          sessionTimeout: options.sessionTimeoutMs,
          heartbeatInterval: options.heartbeatIntervalMs,
          maxBytesPerPartition: options.maxBytesPerPartition,
          maxBytes: options.maxBytes,
          maxWaitTimeInMs: options.maxWaitTimeMs,
          // Topics are declared and created by the apps; a typo must not create a new topic.
          allowAutoTopicCreation: false,
        }),
      ),
    producer: (options: ProducerPortOptions): ProducerPort =>
      new KafkaJsProducerAdapter(kafka.producer({ idempotent: options.idempotent, maxInFlightRequests: options.maxInFlightRequests, ...(options.retries !== undefined ? { retry: { retries: options.retries } } : {}) })),
    admin: (options?: { readonly retries?: number }): AdminPort => new KafkaJsAdminAdapter(kafka.admin(options?.retries !== undefined ? { retry: { retries: options.retries } } : undefined)),
    eventSender: (options: EventSenderOptions): EventSenderPort => new KafkaJsEventSender(kafka, options),
    supportsCompression: (compression: RecordCompression) => kafkaJsSupportsCompression(compression),
  };
}

/**
 * A kafkajs client from the port's configuration. kafkajs logs every join and commit at
 * INFO; warnings and errors are what an operator needs, so that is the level.
 */
export function createKafkaJsClient(config: KafkaClientConfig): KafkaClient {
  return kafkaJsClient(
    new Kafka({
      clientId: config.clientId ?? 'eventline',
      brokers: [...config.brokers],
      ...(config.ssl !== undefined ? { ssl: config.ssl } : {}),
      // The port's SASL union is kafkajs's, spelled without its per-mechanism intersections.
      ...(config.sasl !== undefined ? { sasl: config.sasl as SASLOptions } : {}),
      ...(config.connectionTimeoutMs !== undefined ? { connectionTimeout: config.connectionTimeoutMs } : {}),
      ...(config.requestTimeoutMs !== undefined ? { requestTimeout: config.requestTimeoutMs } : {}),
      logLevel: logLevel.WARN,
      ...(config.log ? { logCreator: kafkaJsLogCreator(config.log) } : {}),
    }),
  );
}

/** An existing kafkajs admin client (connected by its owner) behind the admin port. */
export function kafkaJsAdmin(admin: Admin): AdminPort {
  return new KafkaJsAdminAdapter(admin);
}
