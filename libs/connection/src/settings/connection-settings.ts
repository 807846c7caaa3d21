import type { Secret } from './secret';

/** Kafka's `security.protocol` values. */
export const SecurityProtocol = {
  Plaintext: 'PLAINTEXT',
  Ssl: 'SSL',
  SaslPlaintext: 'SASL_PLAINTEXT',
  SaslSsl: 'SASL_SSL',
} as const;
export type SecurityProtocol = (typeof SecurityProtocol)[keyof typeof SecurityProtocol];

/** The `sasl.mechanism` values kafkajs can speak. */
export const SaslMechanism = {
  Plain: 'PLAIN',
  ScramSha256: 'SCRAM-SHA-256',
  ScramSha512: 'SCRAM-SHA-512',
  OauthBearer: 'OAUTHBEARER',
} as const;
export type SaslMechanism = (typeof SaslMechanism)[keyof typeof SaslMechanism];

export const usesTls = (protocol: SecurityProtocol): boolean => protocol === SecurityProtocol.Ssl || protocol === SecurityProtocol.SaslSsl;
export const usesSasl = (protocol: SecurityProtocol): boolean =>
  protocol === SecurityProtocol.SaslPlaintext || protocol === SecurityProtocol.SaslSsl;

/** A file the settings point at, with the setting that named it (for error messages). */
export interface SettingFile {
  readonly path: string;
  readonly source: string;
}

export type SaslSettings =
  | {
      readonly mechanism: typeof SaslMechanism.Plain | typeof SaslMechanism.ScramSha256 | typeof SaslMechanism.ScramSha512;
      readonly username: string;
      readonly usernameSource: string;
      readonly password: Secret;
    }
  | {
      readonly mechanism: typeof SaslMechanism.OauthBearer;
      /** Re-read on every authentication, so a rotated (projected) token is picked up. */
      readonly tokenFile: SettingFile;
    };

export interface TlsSettings {
  /** Unset: the system's trusted CAs (what managed clusters with public certificates need). */
  readonly ca?: SettingFile;
  /** Client certificate and key for mutual TLS. */
  readonly certificate?: SettingFile;
  readonly key?: SettingFile;
  readonly keyPassword?: Secret;
  /** `ssl.endpoint.identification.algorithm=` (empty) turns host name checking off. */
  readonly verifyHostname: boolean;
}

export interface KafkaConnectionSettings {
  readonly brokers: readonly string[];
  readonly brokersSource: string;
  readonly securityProtocol: SecurityProtocol;
  readonly securityProtocolSource: string;
  readonly sasl?: SaslSettings;
  readonly tls?: TlsSettings;
  readonly clientId?: string;
}

export type RegistryAuth =
  | { readonly kind: 'basic'; readonly username: string; readonly password: Secret }
  | { readonly kind: 'bearer'; readonly token: Secret };

export interface RegistryConnectionSettings {
  /** Without a trailing slash. */
  readonly url: string;
  readonly urlSource: string;
  readonly auth?: RegistryAuth;
  readonly ca?: SettingFile;
}

/** Where Kafka and the schema registry are and how to authenticate to them. */
export interface ConnectionSettings {
  readonly kafka: KafkaConnectionSettings;
  readonly registry: RegistryConnectionSettings;
  /** The properties file read, if any. */
  readonly propertiesFile?: string;
  /** Keys that were read but have no effect (unknown or set by Eventline itself). */
  readonly warnings: readonly string[];
}
