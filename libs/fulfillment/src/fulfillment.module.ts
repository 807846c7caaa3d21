import { Module, type DynamicModule } from '@nestjs/common';
import { EventlineModule, withTopicPrefix } from '@eventline/nest';
import { DatabaseModule, eventlineConnectionOptions, OpsModule } from '@eventline/service-kit';
import type { FulfillmentConfig } from './fulfillment.config';
import { OrderPaidHandler } from './order-paid.handler';
import { FULFILLMENT_MIGRATIONS, ShipmentsRepository } from './shipments.repository';

@Module({})
export class FulfillmentModule {
  static forRoot(config: FulfillmentConfig): DynamicModule {
    return {
      module: FulfillmentModule,
      imports: [
        DatabaseModule.forRoot({ url: config.databaseUrl, schema: 'fulfillment', migrations: FULFILLMENT_MIGRATIONS }),
        EventlineModule.forRoot({
          ...eventlineConnectionOptions(config.connection),
          clientId: 'fulfillment-worker',
          codecMode: config.codecMode,
          consumer: { groupId: config.groupId, concurrency: 6 },
          publisher: { source: '/eventline/fulfillment-worker', events: ['dev.eventline.orders.OrderPaid', 'dev.eventline.shipments.ShipmentScheduled'] },
          topicNames: config.topicPrefix ? withTopicPrefix(config.topicPrefix) : undefined,
        }),
        OpsModule.forRoot(),
      ],
      providers: [ShipmentsRepository, OrderPaidHandler],
      exports: [ShipmentsRepository],
    };
  }
}
