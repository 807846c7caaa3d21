import { CodecMode } from '@eventline/codec';
import { EnvReader } from '@eventline/service-kit';

export interface NotificationsConfig {
  readonly port: number;
  readonly brokers: string[];
  readonly schemaRegistryUrl: string;
  readonly databaseUrl?: string;
  readonly groupId: string;
  readonly codecMode: CodecMode;
  readonly topicPrefix: string;
}

export function notificationsConfig(env: NodeJS.ProcessEnv = process.env): NotificationsConfig {
  const read = new EnvReader(env);
  const config: NotificationsConfig = {
    port: read.int('PORT', 3102, 0, 65535),
    brokers: read.brokers(),
    schemaRegistryUrl: read.url('SCHEMA_REGISTRY_URL', 'http://127.0.0.1:8081'),
    databaseUrl: read.optional('DATABASE_URL'),
    groupId: read.string('NOTIFICATIONS_GROUP_ID', 'notifications-worker'),
    codecMode: read.oneOf('EVENTLINE_CODEC_MODE', Object.values(CodecMode), CodecMode.Development),
    topicPrefix: read.string('EVENTLINE_TOPIC_PREFIX', ''),
  };
  read.done('notifications-worker');
  return config;
}
