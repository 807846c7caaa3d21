/**
 * The Eventline schema registry: Confluent Schema Registry's REST API for AVRO, stored in a
 * compacted Kafka topic. From the repository root:
 *   SWC_NODE_PROJECT=tsconfig.base.json node -r @swc-node/register apps/schema-registry/src/main.ts
 *
 * Open to anyone by default; SCHEMA_REGISTRY_USERS_FILE turns on authentication and roles
 * (config/auth-config.ts, tools/hash-password.ts), SCHEMA_REGISTRY_TLS_CERT_FILE and
 * _KEY_FILE turn the listener into HTTPS (config/tls-config.ts).
 *
 * NestJS rather than bare node:http: the workspace's services are NestJS, and its DI and
 * lifecycle hooks give the store an ordered start (read the log to its end before listening)
 * and stop (SIGTERM closes HTTP first, then Kafka clients) without hand-written plumbing.
 */
import 'reflect-metadata';
import { filterKafkaJsTimeoutWarning } from '@eventline/runtime';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { AddressInfo } from 'node:net';
import { authenticationMiddleware } from './auth/authentication.middleware';
import { Authenticator } from './auth/authenticator';
import { ConnectionError, describeKafkaConnection, verifyKafkaConnection } from '@eventline/connection';
import { loadRegistryConfig, type RegistryConfig } from './config/registry-config';
import { RegistryConfigError } from './config/registry-config.error';
import { jsonBodyMiddleware } from './http/json-body.middleware';
import { RegistryExceptionFilter } from './http/registry-exception.filter';
import { RegistryModule } from './registry.module';

filterKafkaJsTimeoutWarning();

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
  for (const warning of config.kafkaWarnings) logger.warn(warning);
  logger.log(`Kafka: ${describeKafkaConnection(config.kafka)}`);
  try {
    // Refused credentials, an untrusted certificate or a missing ACL: one line, exit 1, no retry storm.
    await verifyKafkaConnection(config.kafka, { clientId: 'eventline-schema-registry-check' });
  } catch (error) {
    if (!(error instanceof ConnectionError) || error.retriable) throw error;
    process.stderr.write(`schema registry cannot start: ${error.message}\n`);
    process.exit(1);
  }
  const { tls } = config;
  const app = await NestFactory.create(RegistryModule.forRoot(config), {
    bodyParser: false,
    logger: ['error', 'warn', 'log'],
    httpsOptions: tls && { cert: tls.cert, key: tls.key, passphrase: tls.passphrase },
  });
  // Before the body parser: strangers are refused before their body is read.
  if (config.auth) app.use(authenticationMiddleware(app.get(Authenticator)));
  app.use(jsonBodyMiddleware);
  app.useGlobalFilters(new RegistryExceptionFilter());
  await app.listen(config.port, config.host);
  const { port } = app.getHttpServer().address() as AddressInfo;
  // Tests and scripts wait for this line (and /health) to know the port, when 0 was asked for.
  const url = `${tls ? 'https' : 'http'}://${config.host}:${port}`;
  logger.log(`listening on ${url} (topic ${config.topic}, brokers ${config.brokers.join(',')})`);
  if (config.auth) {
    logger.log(`authentication enabled: ${config.auth.users.length} user(s) from ${config.auth.usersFile}`);
  } else {
    logger.warn(`authentication disabled: anyone who can reach ${url} can register schemas; set SCHEMA_REGISTRY_USERS_FILE`);
  }

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
  // One line; the stack only when asked for (EVENTLINE_DEBUG=1).
  const detail = error instanceof Error ? (process.env.EVENTLINE_DEBUG ? (error.stack ?? error.message) : error.message) : String(error);
  process.stderr.write(`schema registry failed to start: ${detail}\n`);
  process.exit(1);
});
