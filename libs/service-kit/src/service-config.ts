import { CodecMode } from '@eventline/codec';
import { plainConnectionSettings, DEFAULT_BROKERS, type ConnectionSettings } from '@eventline/connection';
import type { EnvReader } from './env-config';

/** What every Eventline service reads from the environment, with the same names and defaults. */
export interface ServiceConfig {
  readonly port: number;
  /** Where Kafka and the registry are and who this service is to them (secrets print redacted). */
  readonly connection: ConnectionSettings;
  /** Unset: embedded PGlite. */
  readonly databaseUrl?: string;
  readonly codecMode: CodecMode;
  /** Prefix of physical topic names (tests, shared clusters); '' = the catalog's names. */
  readonly topicPrefix: string;
}

export function readServiceConfig(read: EnvReader, defaultPort: number): ServiceConfig {
  // On a problem the reader has recorded it and done() will throw; the local defaults only
  // keep the object whole until then.
  const connection = read.connection() ?? plainConnectionSettings([DEFAULT_BROKERS]);
  return {
    port: read.int('PORT', defaultPort, 0, 65535),
    connection,
    databaseUrl: read.optional('DATABASE_URL'),
    codecMode: read.oneOf('EVENTLINE_CODEC_MODE', Object.values(CodecMode), CodecMode.Development),
    topicPrefix: read.string('EVENTLINE_TOPIC_PREFIX', ''),
  };
}
