import { collectConnectionSettings, type KafkaConnectionSettings } from '@eventline/connection';
import { loadAuthConfig, type AuthConfig } from './auth-config';
import { RegistryConfigError } from './registry-config.error';
import { loadTlsConfig, type TlsConfig } from './tls-config';

export interface RegistryConfig {
  readonly host: string;
  readonly port: number;
  readonly brokers: readonly string[];
  /** How to reach and authenticate to the Kafka cluster that holds the `_schemas` topic. */
  readonly kafka: KafkaConnectionSettings;
  /** Properties-file keys that were read but not applied. */
  readonly kafkaWarnings: readonly string[];
  /** The compacted single-partition topic that is the registry's only storage. */
  readonly topic: string;
  /** How long a write waits to see itself in the log before answering 50002. */
  readonly writeTimeoutMs: number;
  /** Users from SCHEMA_REGISTRY_USERS_FILE; undefined means every request is allowed. */
  readonly auth?: AuthConfig;
  /** Certificate and key for HTTPS; undefined means plain HTTP. */
  readonly tls?: TlsConfig;
}

export const REGISTRY_CONFIG = Symbol('REGISTRY_CONFIG');

// Kafka's own rule for topic names (Topic.validate): legal characters, at most 249 of them.
const TOPIC = /^[a-zA-Z0-9._-]{1,249}$/;

/**
 * Reads SCHEMA_REGISTRY_HOST, SCHEMA_REGISTRY_PORT, KAFKA_BROKERS, SCHEMA_REGISTRY_TOPIC and
 * SCHEMA_REGISTRY_WRITE_TIMEOUT_MS, refusing nonsense at boot rather than at the first request.
 * Security settings (users file, TLS) are read by loadAuthConfig and loadTlsConfig.
 */
export function loadRegistryConfig(env: NodeJS.ProcessEnv): RegistryConfig {
  const problems: string[] = [];
  const host = (env.SCHEMA_REGISTRY_HOST ?? '127.0.0.1').trim();
  if (host === '') problems.push('SCHEMA_REGISTRY_HOST is empty: set an interface address such as 127.0.0.1 or 0.0.0.0');

  const port = integer(env.SCHEMA_REGISTRY_PORT, 8081);
  if (port === undefined || port < 0 || port > 65535) {
    problems.push(`SCHEMA_REGISTRY_PORT="${env.SCHEMA_REGISTRY_PORT}" is not a port: use 0-65535 (0 picks a free one)`);
  }

  // Kafka: the same settings every Eventline app reads (KAFKA_CLIENT_CONFIG, KAFKA_BROKERS,
  // KAFKA_SECURITY_PROTOCOL, KAFKA_SASL_*, KAFKA_SSL_*); the registry part of them is ignored.
  const connection = collectConnectionSettings({ env: withoutRegistryUrl(env) });
  problems.push(...connection.problems);
  const kafka = connection.settings?.kafka;
  const brokers = kafka?.brokers ?? [];

  const topic = env.SCHEMA_REGISTRY_TOPIC?.trim() || '_schemas';
  if (!TOPIC.test(topic) || topic === '.' || topic === '..') {
    problems.push(`SCHEMA_REGISTRY_TOPIC="${topic}" is not a Kafka topic name: use up to 249 of [a-zA-Z0-9._-]`);
  }

  const writeTimeoutMs = integer(env.SCHEMA_REGISTRY_WRITE_TIMEOUT_MS, 30_000);
  if (writeTimeoutMs === undefined || writeTimeoutMs < 100) {
    problems.push(`SCHEMA_REGISTRY_WRITE_TIMEOUT_MS="${env.SCHEMA_REGISTRY_WRITE_TIMEOUT_MS}" must be a whole number of milliseconds >= 100`);
  }

  const auth = loadAuthConfig(env, problems);
  const tls = loadTlsConfig(env, problems);

  if (problems.length > 0 || port === undefined || writeTimeoutMs === undefined || !kafka) {
    throw new RegistryConfigError(`cannot start the schema registry:\n  - ${problems.join('\n  - ')}`);
  }
  return { host, port, brokers, kafka, kafkaWarnings: connection.settings?.warnings ?? [], topic, writeTimeoutMs, auth, tls };
}

function integer(raw: string | undefined, fallback: number): number | undefined {
  if (raw === undefined || raw.trim() === '') return fallback;
  return /^\d+$/.test(raw.trim()) ? Number(raw.trim()) : undefined;
}

/**
 * The registry does not call a registry; a SCHEMA_REGISTRY_URL meant for the other apps
 * (e.g. one shared environment file) must not make its own settings fail.
 */
function withoutRegistryUrl(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const copy = { ...env };
  for (const name of Object.keys(copy)) if (name.startsWith('SCHEMA_REGISTRY_') && name !== 'SCHEMA_REGISTRY_URL') delete copy[name];
  delete copy.SCHEMA_REGISTRY_URL;
  return copy;
}
