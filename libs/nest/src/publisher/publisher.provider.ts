import type { Kafka } from 'kafkajs';
import type { AvroCodec } from '@eventline/codec';
import { EventCatalog, type EventType } from '@eventline/contracts';
import type { RuntimeInstrumentation } from '@eventline/runtime';
import type { EventlineModuleOptions } from '../eventline-module.options';
import { physicalTopic } from '../routing/topic-names';
import type { EventlinePublisher } from './eventline.publisher';
import { RuntimeEventlinePublisher } from './runtime.publisher';
import { UnavailablePublisher } from './unavailable.publisher';

/** Builds the app's publisher from the module's shared clients, connected before any consumer starts. */
export async function createPublisher(
  options: EventlineModuleOptions,
  kafka: Kafka,
  codec: AvroCodec,
  instrumentation: RuntimeInstrumentation,
): Promise<EventlinePublisher> {
  // An app that only consumes has no publisher section and gets a publisher that says so.
  if (!options.publisher) return new UnavailablePublisher();
  const factory = options.publisher.factory ?? ((dependencies) => new RuntimeEventlinePublisher(dependencies));
  const publisher = await factory({
    kafka,
    codec,
    instrumentation,
    options: options.publisher,
    topicOf: (type: EventType) => physicalTopic(options.topicNames, EventCatalog[type].topic),
  });
  // Connected before any consumer starts: handlers may publish from their first record.
  await publisher.connect();
  return publisher;
}
