import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Logger } from 'pino';
import { describeKafkaConnection, describeRegistryConnection } from '@eventline/connection';
import type { ConsoleConfig } from '../config/console-config';
import { ConsoleMetrics } from '../health/console-metrics';
import { securityHeaders } from '../web/security-headers';
import { staticWeb } from '../web/static-web';
import { createConsoleLogger } from './console-logger';
import { ConsoleModule, type ConsoleModuleOptions } from './console.module';

export interface ConsoleApp {
  readonly nest: NestExpressApplication;
  /** Where it listens, e.g. http://127.0.0.1:3300. */
  readonly url: string;
  readonly log: Logger;
  /** Graceful stop; safe to call more than once. */
  close(): Promise<void>;
}

export interface CreateConsoleAppOptions extends ConsoleModuleOptions {
  readonly log?: Logger;
  /** Nest's own log lines; default errors and warnings. */
  readonly nestLogger?: false | Array<'error' | 'warn' | 'log'>;
}

/** Boots the console (Kafka admin connected) and listens. For main.ts and the int-specs alike. */
export async function createConsoleApp(config: ConsoleConfig, options: CreateConsoleAppOptions = {}): Promise<ConsoleApp> {
  const log = options.log ?? createConsoleLogger(config);
  for (const warning of config.connection.warnings) log.warn(warning);
  log.info({ kafka: describeKafkaConnection(config.connection.kafka), registry: describeRegistryConnection(config.connection.registry) }, 'connecting');
  const nest = await NestFactory.create<NestExpressApplication>(ConsoleModule.forRoot(config, log, options), {
    // Boot failures (Kafka refused) must reach the caller, not abort the process.
    abortOnError: false,
    logger: options.nestLogger ?? ['error', 'warn'],
  });
  nest.disable('x-powered-by');
  nest.enableShutdownHooks();
  const metrics = nest.get(ConsoleMetrics);
  nest.use(securityHeaders);
  nest.use((request: { method: string }, response: { statusCode: number; on(event: 'finish', f: () => void): void }, next: () => void) => {
    response.on('finish', () => metrics.httpResponses.inc({ method: request.method, status: `${Math.floor(response.statusCode / 100)}xx` }));
    next();
  });
  nest.use(staticWeb(config.webDir));
  try {
    await nest.listen(config.port, config.host);
  } catch (error) {
    await nest.close().catch(() => undefined);
    throw error;
  }
  const address = nest.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  const url = `http://${host}:${port}`;
  log.info({ url, auth: config.auth.mode, auditTopic: config.auditTopic }, `console at ${url}`);
  let closing: Promise<void> | undefined;
  return { nest, url, log, close: () => (closing ??= nest.close()) };
}
