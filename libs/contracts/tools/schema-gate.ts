/**
 * `nx run contracts:schemas:check` / `contracts:schemas:register`.
 * SCHEMA_REGISTRY_URL defaults to the local registry, http://127.0.0.1:8081; credentials from
 * SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO / SCHEMA_REGISTRY_BEARER_TOKEN (or KAFKA_CLIENT_CONFIG).
 */
import { readConnectionSettings, registryClientConnection } from '@eventline/connection';
import { loadSchemaFiles } from './schema-files';
import { GateCommand, GateExit, runSchemaGate } from './schema-gate.runner';
import { SCHEMAS_DIR } from './workspace-paths';

async function main(argv: readonly string[]): Promise<number> {
  const command = argv[0];
  if (command !== GateCommand.Check && command !== GateCommand.Register) {
    console.error(`usage: schema-gate ${Object.values(GateCommand).join('|')}`);
    return GateExit.Unreachable;
  }
  // The registry part of the connection settings: SCHEMA_REGISTRY_URL, its credentials and
  // CA, or a KAFKA_CLIENT_CONFIG properties file.
  const registry = registryClientConnection(readConnectionSettings().registry);
  return runSchemaGate({
    command,
    registryUrl: registry.url,
    registry,
    files: loadSchemaFiles(SCHEMAS_DIR),
  });
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (err: unknown) => {
    console.error(`schema gate: ${(err as Error).message}`);
    process.exitCode = GateExit.Unreachable;
  },
);
