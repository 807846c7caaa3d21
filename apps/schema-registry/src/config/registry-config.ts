import { loadAuthConfig, type AuthConfig } from './auth-config';
import { RegistryConfigError } from './registry-config.error';
import { loadTlsConfig, type TlsConfig } from './tls-config';

export interface RegistryConfig {
  readonly host: string;
  readonly port: number;
  readonly brokers: readonly string[];
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

const HOST_PORT = /^[A-Za-z0-9.\-_[\]:]+:\d{1,5}$/;
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

  const rawBrokers = env.KAFKA_BROKERS?.trim() || '127.0.0.1:9092';
  const brokers = rawBrokers
    .split(',')
    .map((broker) => broker.trim())
    .filter(Boolean);
  const badBrokers = brokers.filter((broker) => !HOST_PORT.test(broker));
  if (brokers.length === 0 || badBrokers.length > 0) {
    problems.push(`KAFKA_BROKERS="${rawBrokers}" is not a comma-separated list of host:port (bad: ${badBrokers.join(', ') || 'empty'})`);
  }

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

  if (problems.length > 0 || port === undefined || writeTimeoutMs === undefined) {
    throw new RegistryConfigError(`cannot start the schema registry:\n  - ${problems.join('\n  - ')}`);
  }
  return { host, port, brokers, topic, writeTimeoutMs, auth, tls };
}

function integer(raw: string | undefined, fallback: number): number | undefined {
  if (raw === undefined || raw.trim() === '') return fallback;
  return /^\d+$/.test(raw.trim()) ? Number(raw.trim()) : undefined;
}
