import { CodecMode } from '@eventline/codec';
import type { EnvReader } from './env-config';

/** What every Eventline service reads from the environment, with the same names and defaults. */
export interface ServiceConfig {
  readonly port: number;
  readonly brokers: string[];
  readonly schemaRegistryUrl: string;
  /** Unset: embedded PGlite. */
  readonly databaseUrl?: string;
  readonly codecMode: CodecMode;
  /** Prefix of physical topic names (tests, shared clusters); '' = the catalog's names. */
  readonly topicPrefix: string;
}

export function readServiceConfig(read: EnvReader, defaultPort: number): ServiceConfig {
  return {
    port: read.int('PORT', defaultPort, 0, 65535),
    brokers: read.brokers(),
    schemaRegistryUrl: read.url('SCHEMA_REGISTRY_URL', 'http://127.0.0.1:8081'),
    databaseUrl: read.optional('DATABASE_URL'),
    codecMode: read.oneOf('EVENTLINE_CODEC_MODE', Object.values(CodecMode), CodecMode.Development),
    topicPrefix: read.string('EVENTLINE_TOPIC_PREFIX', ''),
  };
}
