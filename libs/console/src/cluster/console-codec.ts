import { AvroCodec, CodecMode, ConfluentSchemaRegistryClient } from '@eventline/codec';
import { registryClientConnection, type ConnectionSettings } from '@eventline/connection';

/**
 * The console decodes with the registry in production mode: it reads schemas by id and never
 * registers one, so a viewer's page cannot change the registry.
 */
export function createConsoleCodec(connection: ConnectionSettings): AvroCodec {
  const registry = registryClientConnection(connection.registry);
  return new AvroCodec({
    registry: new ConfluentSchemaRegistryClient({ host: registry.url, authorization: registry.authorization, ca: registry.ca, timeoutMs: 5_000 }),
    mode: CodecMode.Production,
  });
}
