import { kafkaJsConnection, registryClientConnection, type ConnectionSettings } from '@eventline/connection';
import type { EventlineModuleOptions } from '@eventline/nest';

/**
 * The connection part of EventlineModule options from the service's settings: brokers, TLS
 * and SASL for kafkajs, the registry's URL, Authorization header and CA. Files (CA, keys)
 * are read here, at module construction, so a broken path fails the start.
 */
export function eventlineConnectionOptions(
  connection: ConnectionSettings,
): Pick<EventlineModuleOptions, 'brokers' | 'kafka' | 'schemaRegistryUrl' | 'schemaRegistry'> {
  const { ssl, sasl } = kafkaJsConnection(connection.kafka);
  const registry = registryClientConnection(connection.registry);
  return {
    brokers: [...connection.kafka.brokers],
    kafka: { ...(ssl ? { ssl } : {}), ...(sasl ? { sasl } : {}) },
    schemaRegistryUrl: registry.url,
    schemaRegistry: { authorization: registry.authorization, ca: registry.ca },
  };
}
