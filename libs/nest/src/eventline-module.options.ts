import type { Secret } from '@eventline/connection';
import type { CodecMode } from '@eventline/codec';
import type { Topic } from '@eventline/contracts';
import type { CommitPolicy, KafkaClientConfig, RetryPolicy, RuntimeInstrumentation } from '@eventline/runtime';
import type { Type } from '@nestjs/common';
import type { EventlineHandlerInterceptor, EventlinePublishInterceptor } from './interceptors/eventline-interceptor';
import type { PublisherFactory } from './publisher/publisher.factory';

/** Settings of one consumer group; every handler without `group` runs in the default group. */
export interface ConsumerGroupSettings {
  /** Partitions processed at the same time by this process (each in order). Default 4. */
  readonly concurrency?: number;
  readonly commit?: Partial<CommitPolicy>;
  /** Defaults for every handler of the group; a handler's own `retry` overrides field by field. */
  readonly retry?: Partial<RetryPolicy>;
  /** Default dead-letter topic of the group's handlers: false for none, unset for `<topic>.dlq`. */
  readonly deadLetter?: string | false;
  readonly startFrom?: 'earliest' | 'latest';
  readonly sessionTimeoutMs?: number;
  readonly heartbeatIntervalMs?: number;
  /** How long a shutdown waits for in-flight records before leaving the group anyway. */
  readonly shutdownTimeoutMs?: number;
}

export interface ConsumerOptions extends ConsumerGroupSettings {
  /** The group of handlers that do not name one. */
  readonly groupId: string;
  /** Overrides per group id (a handler's `group`), on top of the settings above. */
  readonly groups?: Readonly<Record<string, ConsumerGroupSettings>>;
  /** Interceptor providers around every handler attempt of every group; the first is outermost. */
  readonly interceptors?: ReadonlyArray<Type<EventlineHandlerInterceptor>>;
}

export interface PublisherOptions {
  /** CloudEvents `ce_source` of every event this app publishes, e.g. `/eventline/orders-service`. */
  readonly source: string;
  /** How long a send waits to batch with the next ones. */
  readonly lingerMs?: number;
  /**
   * Events whose subjects must be registered before the app starts in production mode.
   * Default: every event of the catalog.
   */
  readonly events?: readonly string[];
  /** Builds the publisher; the default uses the runtime's EventPublisher. */
  readonly factory?: PublisherFactory;
  /**
   * `startup` (default): the app starts only once Kafka answered, so handlers may publish from
   * their first record. `background`: the app starts at once and the publisher connects with
   * backoff; until then publishes fail with PUBLISH_NOT_CONNECTED (retriable) and health says
   * so. For producers that must come up during a Kafka outage, such as an outbox relay.
   */
  readonly connect?: 'startup' | 'background';
  /** Interceptor providers around every publish, from the call to the acknowledgement; the first is outermost. */
  readonly interceptors?: ReadonlyArray<Type<EventlinePublishInterceptor>>;
}

/**
 * Catalog topics are fixed names (`orders`, …). Tests, and several environments sharing one
 * cluster, map them to other physical names: a map per catalog topic, or a function.
 */
export type TopicNames = Partial<Record<Topic, string>> | ((catalogTopic: Topic) => string);

export interface EventlineModuleOptions {
  /** `host:port` of the bootstrap brokers. */
  readonly brokers: readonly string[];
  readonly clientId?: string;
  /** TLS, SASL and timeouts of the Kafka client (from @eventline/connection); brokers and clientId above win. */
  readonly kafka?: Omit<KafkaClientConfig, 'brokers' | 'clientId' | 'log'>;
  readonly schemaRegistryUrl: string;
  /**
   * How to authenticate to the registry and which CA to trust (from @eventline/connection's
   * `registryClientConnection`): the Authorization header and the CA's PEM bytes.
   */
  readonly schemaRegistry?: { readonly authorization?: Secret; readonly ca?: Buffer };
  /** production: never registers a schema, and refuses to start while a subject is missing. */
  readonly codecMode: CodecMode;
  /** Required as soon as one handler is decorated with @OnEvent. */
  readonly consumer?: ConsumerOptions;
  readonly publisher?: PublisherOptions;
  /** Shared with the app's metrics and logs; the module makes its own when unset. */
  readonly instrumentation?: RuntimeInstrumentation;
  readonly topicNames?: TopicNames;
  /**
   * OpenTelemetry spans and W3C trace context on every publish and handler attempt (the
   * runtime's tracing interceptors, outermost). Default true: they use @opentelemetry/api
   * only, a no-op until the process registers an SDK (@eventline/telemetry does, from the
   * OTEL_* variables). false leaves them out.
   */
  readonly tracing?: boolean;
}
