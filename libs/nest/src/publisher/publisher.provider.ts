import { Logger } from '@nestjs/common';
import type { ModuleRef } from '@nestjs/core';
import type { AvroCodec } from '@eventline/codec';
import { EventCatalog, type EventType } from '@eventline/contracts';
import { tracingPublishInterceptor, type KafkaClient, type RuntimeInstrumentation } from '@eventline/runtime';
import type { EventlineModuleOptions } from '../eventline-module.options';
import { physicalTopic } from '../routing/topic-names';
import { lazyPublishInterceptors } from '../interceptors/eventline-interceptor';
import { connectInBackground } from './background-connect';
import type { EventlinePublisher } from './eventline.publisher';
import { RuntimeEventlinePublisher } from './runtime.publisher';
import { UnavailablePublisher } from './unavailable.publisher';

/** Builds the app's publisher from the module's shared clients, connected before any consumer starts (or in the background, when asked). */
export async function createPublisher(
  options: EventlineModuleOptions,
  client: KafkaClient,
  codec: AvroCodec,
  instrumentation: RuntimeInstrumentation,
  moduleRef: ModuleRef,
): Promise<EventlinePublisher> {
  // An app that only consumes has no publisher section and gets a publisher that says so.
  if (!options.publisher) return new UnavailablePublisher();
  const factory = options.publisher.factory ?? ((dependencies) => new RuntimeEventlinePublisher(dependencies));
  const publisher = await factory({
    client,
    codec,
    instrumentation,
    options: options.publisher,
    topicOf: (type: EventType) => physicalTopic(options.topicNames, EventCatalog[type].topic),
    interceptors: [
      ...(options.tracing === false ? [] : [tracingPublishInterceptor()]),
      ...lazyPublishInterceptors(moduleRef, options.publisher.interceptors, 'publisher.interceptors'),
    ],
  });
  if (options.publisher.connect === 'background') {
    const logger = new Logger('EventlinePublisher');
    void connectInBackground(publisher, {
      onAttemptFailed: (error, nextDelayMs) => logger.warn(`Kafka not reachable yet (${error instanceof Error ? error.message : String(error)}); next attempt in ${nextDelayMs} ms`),
    });
    return publisher;
  }
  // Connected before any consumer starts: handlers may publish from their first record.
  await publisher.connect();
  return publisher;
}
