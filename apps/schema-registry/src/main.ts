/**
 * The Eventline schema registry: Confluent Schema Registry's REST API for AVRO, stored in a
 * compacted Kafka topic. From the repository root:
 *   SWC_NODE_PROJECT=tsconfig.base.json node -r @swc-node/register apps/schema-registry/src/main.ts
 *
 * NestJS rather than bare node:http: the workspace's services are NestJS, and its DI and
 * lifecycle hooks give the store an ordered start (read the log to its end before listening)
 * and stop (SIGTERM closes HTTP first, then Kafka clients) without hand-written plumbing.
 */
import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { AddressInfo } from 'node:net';
import { loadRegistryConfig, type RegistryConfig } from './config/registry-config';
import { RegistryConfigError } from './config/registry-config.error';
import { jsonBodyMiddleware } from './http/json-body.middleware';
import { RegistryExceptionFilter } from './http/registry-exception.filter';
import { RegistryModule } from './registry.module';

async function main(): Promise<void> {
  let config: RegistryConfig;
  try {
    config = loadRegistryConfig(process.env);
  } catch (error) {
    if (!(error instanceof RegistryConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(2);
  }
  const logger = new Logger('SchemaRegistry');
  const app = await NestFactory.create(RegistryModule.forRoot(config), { bodyParser: false, logger: ['error', 'warn', 'log'] });
  app.use(jsonBodyMiddleware);
  app.useGlobalFilters(new RegistryExceptionFilter());
  await app.listen(config.port, config.host);
  const { port } = app.getHttpServer().address() as AddressInfo;
  // Tests and scripts wait for this line (and /health) to know the port, when 0 was asked for.
  logger.log(`listening on http://${config.host}:${port} (topic ${config.topic}, brokers ${config.brokers.join(',')})`);

  // Graceful stop: app.close() stops accepting requests, then runs the shutdown hooks (the
  // store disconnects its Kafka clients and removes its consumer group). A second signal
  // while that runs exits at once.
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) process.exit(1);
    stopping = true;
    logger.log(`${signal}: shutting down`);
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error(`shutdown failed: ${error instanceof Error ? error.message : String(error)}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`schema registry failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
