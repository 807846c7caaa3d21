import { ConnectionConfigError, DEFAULT_BROKERS, DEFAULT_REGISTRY_URL, readConnectionSettings, type ConnectionSettings } from '@eventline/connection';
import { CliError, CliErrorCode } from './cli.error';

export { DEFAULT_BROKERS, DEFAULT_REGISTRY_URL };

export interface ConnectionFlags {
  readonly brokers?: string;
  readonly registry?: string;
  /** `--command-config <file>`: a client properties file, as Kafka's own tools take it. */
  readonly commandConfig?: string;
}

export type ConnectionOptions = ConnectionSettings;

/**
 * Where Kafka and the registry are and who the operator is to them: a flag wins over the
 * environment (so one command can point elsewhere without unsetting anything), the
 * environment over the properties file, the file over the local defaults. The CLI never
 * starts a broker: an operator tool must not quietly bring up a second Kafka.
 */
export function resolveConnection(flags: ConnectionFlags, env: NodeJS.ProcessEnv = process.env): ConnectionOptions {
  try {
    return readConnectionSettings({ flags, env });
  } catch (err) {
    if (!(err instanceof ConnectionConfigError)) throw err;
    // One line per problem, each naming the flag, variable or file key to change.
    throw new CliError(CliErrorCode.ConfigInvalid, err.problems.join('; '), { cause: err });
  }
}
