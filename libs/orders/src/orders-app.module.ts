import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { HealthIndicatorService, TerminusModule } from '@nestjs/terminus';
import { EventlineModule, withTopicPrefix } from '@eventline/nest';
import type { Database } from '@eventline/persistence';
import { DATABASE, DatabaseModule, eventlineConnectionOptions, EXTRA_HEALTH_CHECKS, OpsModule } from '@eventline/service-kit';
import type { OrdersServiceConfig } from './config/orders-service.config';
import { EventSchemaCheck } from './events/event-schema.check';
import { ApiErrorFilter } from './http/api-error.filter';
import { ordersHealthChecks } from './ops/orders-health.checks';
import { OrdersMetrics } from './ops/orders.metrics';
import type { OrdersAppOptions } from './orders-app.options';
import { OrdersController } from './orders/orders.controller';
import { ORDERS_MIGRATIONS } from './orders/orders.migrations';
import { OrdersRepository } from './orders/orders.repository';
import { OrdersService } from './orders/orders.service';
import { OutboxRelay } from './outbox/outbox-relay';
import { OUTBOX_RELAY_OPTIONS, type OutboxRelayOptions } from './outbox/outbox-relay.options';
import { OutboxRepository } from './outbox/outbox.repository';
import { ORDERS_CONFIG } from './readiness/readiness.tokens';
import { RegistryProbe } from './readiness/registry-probe';
import { ServiceLifecycle } from './readiness/service-lifecycle';
import { WriteReadinessGuard } from './readiness/write-readiness.guard';

/** Every event this service publishes; in production mode all must be registered before it starts. */
export const PUBLISHED_EVENTS = ['dev.eventline.orders.OrderPlaced', 'dev.eventline.orders.OrderPaid', 'dev.eventline.orders.OrderCancelled'] as const;

@Module({})
export class OrdersAppModule {
  static forRoot(config: OrdersServiceConfig, options: OrdersAppOptions = {}): DynamicModule {
    const relay: OutboxRelayOptions = {
      pollMs: config.outboxPollMs,
      batch: config.outboxBatch,
      backoffMinMs: options.relayBackoff?.minMs ?? 100,
      backoffMaxMs: options.relayBackoff?.maxMs ?? 5_000,
    };
    return {
      module: OrdersAppModule,
      // Global so service-kit's OpsController sees EXTRA_HEALTH_CHECKS (it asks for it optionally).
      global: true,
      imports: [
        DatabaseModule.forRoot({ url: config.databaseUrl, schema: config.databaseSchema, migrations: ORDERS_MIGRATIONS }),
        EventlineModule.forRoot({
          ...eventlineConnectionOptions(config.connection),
          clientId: 'orders-service',
          codecMode: config.codecMode,
          // The outbox takes orders while Kafka is away; the relay publishes once it is back.
          publisher: { source: '/eventline/orders-service', events: PUBLISHED_EVENTS, factory: options.publisherFactory, connect: 'background' },
          topicNames: options.topicNames ?? (config.topicPrefix ? withTopicPrefix(config.topicPrefix) : undefined),
        }),
        OpsModule.forRoot(),
        TerminusModule,
      ],
      controllers: [OrdersController],
      providers: [
        { provide: ORDERS_CONFIG, useValue: config },
        { provide: OUTBOX_RELAY_OPTIONS, useValue: relay },
        { provide: APP_FILTER, useClass: ApiErrorFilter },
        OrdersRepository,
        OutboxRepository,
        OrdersService,
        EventSchemaCheck,
        RegistryProbe,
        ServiceLifecycle,
        WriteReadinessGuard,
        OutboxRelay,
        OrdersMetrics,
        {
          provide: EXTRA_HEALTH_CHECKS,
          inject: [HealthIndicatorService, DATABASE, OutboxRelay, RegistryProbe],
          useFactory: (health: HealthIndicatorService, db: Database, outbox: OutboxRelay, registry: RegistryProbe) => ordersHealthChecks(health, db, outbox, registry),
        },
      ],
      exports: [EXTRA_HEALTH_CHECKS],
    };
  }
}
