import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { ordersConfig, type OrdersConfig } from './orders.config';
import { OrdersModule } from './orders.module';

/** JSON bodies above this answer 413; an order of 100 line items is far below it. */
export const BODY_LIMIT = '64kb';

export async function startOrdersService(config: OrdersConfig = ordersConfig()): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(OrdersModule.forRoot(config), { logger: ['error', 'warn', 'log'], bodyParser: false });
  app.useBodyParser('json', { limit: BODY_LIMIT });
  app.enableShutdownHooks();
  await app.listen(config.port, '127.0.0.1');
  return app;
}
