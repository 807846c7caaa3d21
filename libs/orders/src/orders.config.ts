import { EnvReader, readServiceConfig, type ServiceConfig } from '@eventline/service-kit';

export interface OrdersConfig extends ServiceConfig {
  readonly outboxPollMs: number;
  /** Rows per relay round; kept within one publisher batch so a round's records of one key share a send. */
  readonly outboxBatch: number;
}

export function ordersConfig(env: NodeJS.ProcessEnv = process.env): OrdersConfig {
  const read = new EnvReader(env);
  const config: OrdersConfig = {
    ...readServiceConfig(read, 3000),
    outboxPollMs: read.int('OUTBOX_POLL_MS', 100, 10, 60_000),
    outboxBatch: read.int('OUTBOX_BATCH', 100, 1, 500),
  };
  read.done('orders-service');
  return config;
}
