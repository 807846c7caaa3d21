import { parseBrokerList } from '@eventline/local-kafka';
import { badArgument } from './cli.error';

export const DEFAULT_BROKERS = '127.0.0.1:9092';
export const DEFAULT_REGISTRY_URL = 'http://127.0.0.1:8081';

export interface ConnectionFlags {
  readonly brokers?: string;
  readonly registry?: string;
}

export interface ConnectionOptions {
  readonly brokers: string[];
  readonly registryUrl: string;
}

/**
 * Where Kafka and the registry are: a flag wins over the environment (so one command can
 * point elsewhere without unsetting anything), the environment over the local defaults. The
 * CLI never starts a broker: an operator tool must not quietly bring up a second Kafka.
 */
export function resolveConnection(flags: ConnectionFlags, env: NodeJS.ProcessEnv = process.env): ConnectionOptions {
  const brokersText = flags.brokers ?? nonEmpty(env.KAFKA_BROKERS) ?? DEFAULT_BROKERS;
  const registryUrl = flags.registry ?? nonEmpty(env.SCHEMA_REGISTRY_URL) ?? DEFAULT_REGISTRY_URL;
  let brokers: string[];
  try {
    brokers = parseBrokerList(brokersText, flags.brokers ? '--brokers' : 'KAFKA_BROKERS');
  } catch (err) {
    throw badArgument((err as Error).message);
  }
  if (!/^https?:\/\/[^/\s]+/.test(registryUrl) || !URL.canParse(registryUrl)) {
    throw badArgument(`${flags.registry ? '--registry' : 'SCHEMA_REGISTRY_URL'}="${registryUrl}" is not an http(s) URL`);
  }
  return { brokers, registryUrl: registryUrl.replace(/\/+$/, '') };
}

function nonEmpty(value: string | undefined): string | undefined {
  return value !== undefined && value.trim() !== '' ? value : undefined;
}
