import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { EventlineModule, withTopicPrefix } from '@eventline/nest';
import { DatabaseModule, EXTRA_HEALTH_CHECKS, OpsModule } from '@eventline/service-kit';
import type { OrdersConfig } from './orders.config';
import { OrdersController, OrdersErrorFilter } from './orders.controller';
import { ORDERS_MIGRATIONS } from './orders.migrations';
import { OrdersService } from './orders.service';
import { OUTBOX_OPTIONS, OutboxRelay } from './outbox-relay';

@Module({})
export class OrdersModule {
  static forRoot(config: OrdersConfig): DynamicModule {
    return {
      module: OrdersModule,
      imports: [
        DatabaseModule.forRoot({ url: config.databaseUrl, schema: 'orders', migrations: ORDERS_MIGRATIONS }),
        EventlineModule.forRoot({
          brokers: config.brokers,
          clientId: 'orders-service',
          schemaRegistryUrl: config.schemaRegistryUrl,
          codecMode: config.codecMode,
          publisher: {
            source: '/eventline/orders-service',
            events: ['dev.eventline.orders.OrderPlaced', 'dev.eventline.orders.OrderPaid', 'dev.eventline.orders.OrderCancelled'],
          },
          topicNames: config.topicPrefix ? withTopicPrefix(config.topicPrefix) : undefined,
        }),
        OpsModule.forRoot(),
      ],
      controllers: [OrdersController],
      providers: [
        OrdersService,
        OutboxRelay,
        { provide: OUTBOX_OPTIONS, useValue: { pollMs: config.outboxPollMs, batch: config.outboxBatch } },
        { provide: APP_FILTER, useClass: OrdersErrorFilter },
        {
          provide: EXTRA_HEALTH_CHECKS,
          inject: [OutboxRelay],
          useFactory: (relay: OutboxRelay) => [async () => ({ outbox: { status: 'up', backlog: await relay.backlog(), ...relay.stats } })],
        },
      ],
      exports: [OrdersService, OutboxRelay],
    };
  }
}
