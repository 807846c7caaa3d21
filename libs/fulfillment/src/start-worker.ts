import { NestFactory } from '@nestjs/core';
import { Logger, type INestApplication } from '@nestjs/common';
import { verifyServiceConnections } from '@eventline/service-kit';
import { fulfillmentConfig, type FulfillmentConfig } from './fulfillment.config';
import { FulfillmentModule } from './fulfillment.module';

/** Starts the worker as a Nest app serving /health and /metrics on config.port (0 = any free port). */
export async function startFulfillmentWorker(config: FulfillmentConfig = fulfillmentConfig()): Promise<INestApplication> {
  await verifyServiceConnections('fulfillment-worker', config.connection, new Logger('FulfillmentWorker'));
  const app = await NestFactory.create(FulfillmentModule.forRoot(config), { logger: ['error', 'warn', 'log'] });
  app.enableShutdownHooks();
  await app.listen(config.port, '127.0.0.1');
  return app;
}
