import { CodecMode } from '@eventline/codec';
import { EnvReader } from '@eventline/service-kit';

export interface FulfillmentConfig {
  readonly port: number;
  readonly brokers: string[];
  readonly schemaRegistryUrl: string;
  readonly databaseUrl?: string;
  readonly groupId: string;
  readonly codecMode: CodecMode;
  /** Prefix of physical topic names (tests, shared clusters); '' = the catalog's names. */
  readonly topicPrefix: string;
}

export function fulfillmentConfig(env: NodeJS.ProcessEnv = process.env): FulfillmentConfig {
  const read = new EnvReader(env);
  const config: FulfillmentConfig = {
    port: read.int('PORT', 3101, 0, 65535),
    brokers: read.brokers(),
    schemaRegistryUrl: read.url('SCHEMA_REGISTRY_URL', 'http://127.0.0.1:8081'),
    databaseUrl: read.optional('DATABASE_URL'),
    groupId: read.string('FULFILLMENT_GROUP_ID', 'fulfillment-worker'),
    codecMode: read.oneOf('EVENTLINE_CODEC_MODE', Object.values(CodecMode), CodecMode.Development),
    topicPrefix: read.string('EVENTLINE_TOPIC_PREFIX', ''),
  };
  read.done('fulfillment-worker');
  return config;
}
