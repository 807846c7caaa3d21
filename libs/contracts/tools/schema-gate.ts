/**
 * `nx run contracts:schemas:check` / `contracts:schemas:register`.
 * SCHEMA_REGISTRY_URL defaults to the local registry, http://127.0.0.1:8081.
 */
import { loadSchemaFiles } from './schema-files';
import { GateCommand, GateExit, runSchemaGate } from './schema-gate.runner';
import { SCHEMAS_DIR } from './workspace-paths';

async function main(argv: readonly string[]): Promise<number> {
  const command = argv[0];
  if (command !== GateCommand.Check && command !== GateCommand.Register) {
    console.error(`usage: schema-gate ${Object.values(GateCommand).join('|')}`);
    return GateExit.Unreachable;
  }
  return runSchemaGate({
    command,
    registryUrl: process.env.SCHEMA_REGISTRY_URL || 'http://127.0.0.1:8081',
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
