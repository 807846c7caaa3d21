import type { Kafka } from 'kafkajs';
import type { AvroCodec } from '@eventline/codec';
import type { EventType } from '@eventline/contracts';
import type { RuntimeInstrumentation } from '@eventline/runtime';
import type { PublisherOptions } from '../eventline-module.options';
import type { EventlinePublisher } from './eventline.publisher';

/** What a publisher is built from: the module's shared clients, and where each event goes. */
export interface PublisherDependencies {
  readonly kafka: Kafka;
  readonly codec: AvroCodec;
  readonly instrumentation: RuntimeInstrumentation;
  readonly options: PublisherOptions | undefined;
  /** The physical topic of an event type, after `topicNames`. */
  readonly topicOf: (type: EventType) => string;
}

export type PublisherFactory = (dependencies: PublisherDependencies) => EventlinePublisher | Promise<EventlinePublisher>;
