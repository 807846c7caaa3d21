import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap, type OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { AvroCodec } from '@eventline/codec';
import { EventCatalog } from '@eventline/contracts';
import { CloudEventAvroDecoder, EventConsumer, RuntimeInstrumentation, tracingHandlerInterceptor, type HandlerInterceptor, type KafkaClient } from '@eventline/runtime';
import { resolveInterceptors } from '../interceptors/eventline-interceptor';
import { EventHandlerExplorer } from '../discovery/event-handler.explorer';
import { EventlinePublisher } from '../publisher/eventline.publisher';
import type { EventlineModuleOptions } from '../eventline-module.options';
import { EVENTLINE_CODEC, EVENTLINE_KAFKA, EVENTLINE_VALID_OPTIONS } from '../eventline.tokens';
import { buildConsumerPlan, type ConsumerGroupPlan } from '../routing/consumer-plan.builder';
import { assertSchemasRegistered } from '../schema/schema-registration.check';
import { validateHandlers } from '../validation/handler.validator';
import { ConsumerStateTracker } from './consumer-state.tracker';
import { assertTopicsExist } from './topic.preflight';

/**
 * Runs one EventConsumer per consumer group the @OnEvent handlers name. Everything that can
 * be wrong is checked before the first consumer starts, so a bad deploy fails its bootstrap
 * (app.init / NestFactory.create rejects) instead of failing at its first record.
 */
@Injectable()
export class EventConsumersHost implements OnModuleInit, OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(EventConsumersHost.name);
  private plans: ConsumerGroupPlan[] = [];
  private consumers: EventConsumer[] = [];
  private interceptors: readonly HandlerInterceptor[] = [];

  constructor(
    @Inject(EVENTLINE_VALID_OPTIONS) private readonly options: EventlineModuleOptions,
    @Inject(EVENTLINE_KAFKA) private readonly kafka: KafkaClient,
    @Inject(EVENTLINE_CODEC) private readonly codec: AvroCodec,
    private readonly instrumentation: RuntimeInstrumentation,
    private readonly explorer: EventHandlerExplorer,
    private readonly states: ConsumerStateTracker,
    private readonly publisher: EventlinePublisher,
    private readonly moduleRef: ModuleRef,
  ) {}

  /** Every provider exists by now, so discovery sees them all; no broker is contacted yet. */
  onModuleInit(): void {
    // Publisher interceptors resolve at their first publish; a missing one fails the boot here.
    resolveInterceptors(this.moduleRef, this.options.publisher?.interceptors, 'publisher.interceptors');
    const handlers = this.explorer.explore();
    validateHandlers(handlers, this.options.consumer, this.options.topicNames);
    const consumer = this.options.consumer;
    if (!consumer) return;
    // Tracing outermost: it must see every error the other interceptors let through (tracing/failed-attempts.ts).
    this.interceptors = [
      ...(this.options.tracing === false ? [] : [tracingHandlerInterceptor()]),
      ...resolveInterceptors(this.moduleRef, consumer.interceptors, 'consumer.interceptors'),
    ];
    this.plans = buildConsumerPlan(handlers, consumer, this.options.topicNames, (handler) =>
      resolveInterceptors(this.moduleRef, handler.metadata.interceptors, `${handler.name} interceptors`),
    );
  }

  async onApplicationBootstrap(): Promise<void> {
    try {
      await this.startAll();
    } catch (error) {
      // Nest runs no shutdown hook when bootstrap fails: leave no group member and no
      // producer connection behind (a test, or a supervisor retrying in-process, would leak them).
      await this.stopAll('bootstrap failed');
      await this.publisher.close().catch(() => undefined);
      throw error;
    }
  }

  private async startAll(): Promise<void> {
    const handled = this.plans.flatMap((plan) => plan.routes.map((route) => route.eventType));
    const published = this.options.publisher ? (this.options.publisher.events ?? Object.keys(EventCatalog)) : [];
    await assertSchemasRegistered(this.codec, this.options.codecMode, [...handled, ...published]);
    await assertTopicsExist(this.kafka, this.plans);

    const decoder = new CloudEventAvroDecoder(this.codec, EventCatalog);
    // Constructed all before any starts: the runtime validates group settings in its constructor.
    const consumers = this.plans.map(
      ({ groupId, settings, routes }) =>
        new EventConsumer({
          client: this.kafka,
          groupId,
          routes,
          decoder,
          instrumentation: this.instrumentation,
          interceptors: this.interceptors,
          concurrency: settings.concurrency,
          commit: settings.commit,
          startFrom: settings.startFrom,
          sessionTimeoutMs: settings.sessionTimeoutMs,
          heartbeatIntervalMs: settings.heartbeatIntervalMs,
          shutdownTimeoutMs: settings.shutdownTimeoutMs,
        }),
    );
    for (const consumer of consumers) {
      this.states.track(consumer);
      this.consumers.push(consumer);
      await consumer.start();
      this.logger.log(`consumer group ${consumer.groupId} started on ${consumer.topics.join(', ')}`);
    }
  }

  /**
   * Before the publisher flushes (onApplicationShutdown): stop fetching, let in-flight
   * records finish, commit what finished, leave the group so partitions move at once.
   */
  async beforeApplicationShutdown(signal?: string): Promise<void> {
    await this.stopAll(signal ? `application shutdown (${signal})` : 'application shutdown');
  }

  private async stopAll(reason: string): Promise<void> {
    await Promise.all(this.consumers.map((consumer) => consumer.stop(reason)));
  }
}
