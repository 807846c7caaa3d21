import { NestFactory } from '@nestjs/core';
import { Logger, type INestApplication } from '@nestjs/common';
import { verifyServiceConnections } from '@eventline/service-kit';
import { notificationsConfig, type NotificationsConfig } from './notifications.config';
import { NotificationsModule } from './notifications.module';

/** Starts the worker as a Nest app serving /health and /metrics on config.port (0 = any free port). */
export async function startNotificationsWorker(config: NotificationsConfig = notificationsConfig()): Promise<INestApplication> {
  await verifyServiceConnections('notifications-worker', config.connection, new Logger('NotificationsWorker'));
  const app = await NestFactory.create(NotificationsModule.forRoot(config), { logger: ['error', 'warn', 'log'] });
  app.enableShutdownHooks();
  await app.listen(config.port, '127.0.0.1');
  return app;
}
