import { ConfigError, EnvReader, readServiceConfig, type ServiceConfig } from '@eventline/service-kit';

const SERVICE = 'orders-service';

export interface OrdersServiceConfig extends ServiceConfig {
  /** Interface the HTTP server binds to; loopback unless told otherwise. */
  readonly host: string;
  /** PostgreSQL only: the schema this service owns (created if missing). */
  readonly databaseSchema: string;
  /** How long the relay sleeps when the outbox has nothing to publish. */
  readonly outboxPollMs: number;
  /** Outbox rows per relay round (at most one per order: see OutboxRelay). */
  readonly outboxBatch: number;
  /** How long a registry probe result is trusted before the next request probes again. */
  readonly registryProbeMs: number;
  /** How long one registry probe may take before it counts as unreachable (a managed registry's first TLS handshake is slow). */
  readonly registryProbeTimeoutMs: number;
  /** How long SIGTERM waits for the relay to empty the outbox before closing anyway. */
  readonly shutdownDrainMs: number;
}

/**
 * Reads and checks every setting at boot; a bad one stops the start with a message naming
 * the variable, the value and what is expected, all problems at once.
 */
export function readOrdersServiceConfig(env: NodeJS.ProcessEnv = process.env): OrdersServiceConfig {
  const read = new EnvReader(env);
  const problems: string[] = [];
  const service = readServiceConfig(read, 3000);
  const config: OrdersServiceConfig = {
    ...service,
    host: read.string('HOST', '127.0.0.1'),
    databaseSchema: read.string('DATABASE_SCHEMA', 'orders_service'),
    outboxPollMs: read.int('OUTBOX_POLL_MS', 100, 10, 60_000),
    outboxBatch: read.int('OUTBOX_BATCH', 100, 1, 500),
    registryProbeMs: read.int('REGISTRY_PROBE_MS', 1_000, 50, 60_000),
    registryProbeTimeoutMs: read.int('REGISTRY_PROBE_TIMEOUT_MS', 3_000, 100, 60_000),
    shutdownDrainMs: read.int('SHUTDOWN_DRAIN_MS', 10_000, 0, 120_000),
  };
  if (config.databaseUrl !== undefined && !/^postgres(ql)?:\/\//.test(config.databaseUrl)) {
    problems.push(`DATABASE_URL=${config.databaseUrl}: expected postgres://user@host:5432/db, or unset it to use embedded PGlite`);
  }
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(config.databaseSchema)) {
    problems.push(`DATABASE_SCHEMA=${config.databaseSchema}: expected a lower-case SQL identifier such as orders_service`);
  }
  try {
    read.done(SERVICE);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    problems.unshift(...error.problems);
  }
  if (problems.length > 0) throw new ConfigError(SERVICE, problems);
  return config;
}
