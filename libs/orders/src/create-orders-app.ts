import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { verifyServiceConnections } from '@eventline/service-kit';
import type { OrdersServiceConfig } from './config/orders-service.config';
import { BODY_LIMIT_BYTES } from './http/body-limit';
import { jsonContentTypeMiddleware } from './http/json-content-type.middleware';
import { OrdersMetrics } from './ops/orders.metrics';
import { OrdersAppModule } from './orders-app.module';
import type { OrdersAppOptions } from './orders-app.options';
import { OutboxRelay } from './outbox/outbox-relay';
import { ServiceLifecycle } from './readiness/service-lifecycle';

export interface OrdersApp {
  readonly nest: NestExpressApplication;
  /** Where it listens, e.g. http://127.0.0.1:3000. */
  readonly url: string;
  /** Graceful stop; safe to call more than once. */
  close(): Promise<void>;
}

/**
 * Starts the orders service: migrations applied, publisher connecting (in the background: orders are taken while Kafka is away), relay running, HTTP
 * listening. For `main.ts`, the pipeline and tests alike.
 */
export async function createOrdersApp(config: OrdersServiceConfig, options: OrdersAppOptions = {}): Promise<OrdersApp> {
  const levels = options.logger ?? ['log', 'warn'];
  const nestLogger = new Logger('OrdersService');
  await verifyServiceConnections('orders-service', config.connection, {
    log: (line) => levels && levels.includes('log') && nestLogger.log(line),
    warn: (line) => levels && levels.includes('warn') && nestLogger.warn(line),
  });
  const nest = await NestFactory.create<NestExpressApplication>(OrdersAppModule.forRoot(config, options), {
    bodyParser: false,
    // Boot failures (database, Kafka, production schema check) must reach the caller, not abort the process.
    abortOnError: false,
    logger: options.logger ?? ['error', 'warn', 'log'],
  });
  nest.use(nest.get(OrdersMetrics).httpMiddleware());
  nest.use(jsonContentTypeMiddleware);
  nest.useBodyParser('json', { limit: BODY_LIMIT_BYTES });
  try {
    await nest.listen(config.port, config.host);
  } catch (error) {
    await nest.close().catch(() => undefined);
    throw error;
  }
  const address = nest.getHttpServer().address();
  const url = typeof address === 'object' && address ? `http://${config.host}:${address.port}` : `http://${config.host}:${config.port}`;
  let closing: Promise<void> | undefined;
  return { nest, url, close: () => (closing ??= shutdown(nest, config)) };
}

/**
 * Order matters: refuse new order changes first (reads still answer), then let the relay
 * publish what was committed, then close — Nest stops the relay loop, flushes and closes
 * the publisher, closes the HTTP server and finally the database.
 */
async function shutdown(nest: NestExpressApplication, config: OrdersServiceConfig): Promise<void> {
  const logger = new Logger('OrdersService');
  nest.get(ServiceLifecycle).beginShutdown();
  const left = await nest.get(OutboxRelay).drain(config.shutdownDrainMs);
  if (left.pending > 0) logger.warn(`${left.pending} outbox event(s) still unpublished; they are published after the next start`);
  else if (left.pending === 0) logger.log('outbox drained');
  await nest.close();
}
