import { Module, type Provider } from '@nestjs/common';
import { DiscoveryModule, ModuleRef } from '@nestjs/core';
import { HealthIndicatorService } from '@nestjs/terminus';
import { RuntimeInstrumentation } from '@eventline/runtime';
import { createCodec } from './clients/codec.factory';
import { createKafkaClient } from './clients/kafka-client.factory';
import { ConsumerStateTracker } from './consumers/consumer-state.tracker';
import { EventConsumersHost } from './consumers/event-consumers.host';
import { EventHandlerExplorer } from './discovery/event-handler.explorer';
import type { EventlineModuleOptions } from './eventline-module.options';
import { EVENTLINE_OPTIONS, EventlineConfigurableModule } from './eventline.module-definition';
import { EVENTLINE_CODEC, EVENTLINE_KAFKA, EVENTLINE_VALID_OPTIONS } from './eventline.tokens';
import { EventlineHealthIndicator } from './health/eventline.health-indicator';
import { EventlinePublisher } from './publisher/eventline.publisher';
import { PublisherLifecycle } from './publisher/publisher.lifecycle';
import { createPublisher } from './publisher/publisher.provider';
import { validateModuleOptions } from './validation/module-options.validator';

const providers: Provider[] = [
  { provide: EVENTLINE_VALID_OPTIONS, useFactory: validateModuleOptions, inject: [EVENTLINE_OPTIONS] },
  {
    provide: RuntimeInstrumentation,
    useFactory: (options: EventlineModuleOptions) => options.instrumentation ?? new RuntimeInstrumentation(),
    inject: [EVENTLINE_VALID_OPTIONS],
  },
  { provide: EVENTLINE_KAFKA, useFactory: createKafkaClient, inject: [EVENTLINE_VALID_OPTIONS] },
  { provide: EVENTLINE_CODEC, useFactory: createCodec, inject: [EVENTLINE_VALID_OPTIONS] },
  {
    provide: EventlinePublisher,
    useFactory: createPublisher,
    inject: [EVENTLINE_VALID_OPTIONS, EVENTLINE_KAFKA, EVENTLINE_CODEC, RuntimeInstrumentation, ModuleRef],
  },
  PublisherLifecycle,
  EventHandlerExplorer,
  ConsumerStateTracker,
  EventConsumersHost,
  HealthIndicatorService,
  EventlineHealthIndicator,
];

/**
 * `EventlineModule.forRoot(options)` / `forRootAsync({ useFactory, inject, imports })`:
 * the app's Kafka client, codec and publisher, and one consumer group member per group its
 * @OnEvent handlers name. Global by default (`isGlobal: false` to scope it).
 */
@Module({
  imports: [DiscoveryModule],
  providers,
  exports: [EventlinePublisher, RuntimeInstrumentation, EventlineHealthIndicator, EVENTLINE_KAFKA, EVENTLINE_CODEC],
})
export class EventlineModule extends EventlineConfigurableModule {}
