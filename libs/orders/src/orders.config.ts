import { CodecMode } from '@eventline/codec';
import { EnvReader } from '@eventline/service-kit';

export interface OrdersConfig {
  readonly port: number;
  readonly brokers: string[];
  readonly schemaRegistryUrl: string;
  readonly databaseUrl?: string;
  readonly codecMode: CodecMode;
  readonly topicPrefix: string;
  readonly outboxPollMs: number;
  /** Rows per relay round; kept within one publisher batch so a round's records of one key share a send. */
  readonly outboxBatch: number;
}

export function ordersConfig(env: NodeJS.ProcessEnv = process.env): OrdersConfig {
  const read = new EnvReader(env);
  const config: OrdersConfig = {
    port: read.int('PORT', 3000, 0, 65535),
    brokers: read.brokers(),
    schemaRegistryUrl: read.url('SCHEMA_REGISTRY_URL', 'http://127.0.0.1:8081'),
    databaseUrl: read.optional('DATABASE_URL'),
    codecMode: read.oneOf('EVENTLINE_CODEC_MODE', Object.values(CodecMode), CodecMode.Development),
    topicPrefix: read.string('EVENTLINE_TOPIC_PREFIX', ''),
    outboxPollMs: read.int('OUTBOX_POLL_MS', 100, 10, 60_000),
    outboxBatch: read.int('OUTBOX_BATCH', 100, 1, 500),
  };
  read.done('orders-service');
  return config;
}
