import {
  ConnectionError,
  describeKafkaConnection,
  describeRegistryConnection,
  registryClientConnection,
  RegistryHttpClient,
  verifyKafkaConnection,
  type ConnectionSettings,
} from '@eventline/connection';

export interface ServiceLog {
  log(message: string): void;
  warn(message: string): void;
}

/**
 * The start-up check of a service's connections: one connection to Kafka and one registry
 * call. What no retry fixes — rejected credentials, an untrusted certificate, a plaintext
 * client on a TLS port, a denied ACL, a 401/403 from the registry — throws a ConnectionError
 * whose message is the one line to print before exiting. An unreachable Kafka or registry
 * does not: services ride out outages (the outbox holds, consumers wait), so that is only
 * a warning here.
 */
export async function verifyServiceConnections(service: string, connection: ConnectionSettings, logger: ServiceLog): Promise<void> {
  for (const warning of connection.warnings) logger.warn(warning);
  logger.log(`Kafka: ${describeKafkaConnection(connection.kafka)}`);
  logger.log(`schema registry: ${describeRegistryConnection(connection.registry)}`);
  const checks = await Promise.allSettled([
    verifyKafkaConnection(connection.kafka, { clientId: `${service}-connection-check` }),
    new RegistryHttpClient(registryClientConnection(connection.registry), { timeoutMs: 3_000 }).get('/subjects'),
  ]);
  for (const check of checks) {
    if (check.status === 'fulfilled') continue;
    const error = check.reason as unknown;
    if (error instanceof ConnectionError && error.retriable) {
      logger.warn(`${error.message}; starting anyway, and retrying in the background`);
      continue;
    }
    throw error;
  }
}
