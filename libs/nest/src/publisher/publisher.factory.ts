import type { AvroCodec } from '@eventline/codec';
import type { EventType } from '@eventline/contracts';
import type { KafkaClient, PublishInterceptor, RuntimeInstrumentation } from '@eventline/runtime';
import type { PublisherOptions } from '../eventline-module.options';
import type { EventlinePublisher } from './eventline.publisher';

/** What a publisher is built from: the module's shared clients, and where each event goes. */
export interface PublisherDependencies {
  /** The app's Kafka client (the runtime's port). */
  readonly client: KafkaClient;
  readonly codec: AvroCodec;
  readonly instrumentation: RuntimeInstrumentation;
  readonly options: PublisherOptions | undefined;
  /** The physical topic of an event type, after `topicNames`. */
  readonly topicOf: (type: EventType) => string;
  /** `publisher.interceptors`, resolved to their provider instances. */
  readonly interceptors: readonly PublishInterceptor[];
}

export type PublisherFactory = (dependencies: PublisherDependencies) => EventlinePublisher | Promise<EventlinePublisher>;
