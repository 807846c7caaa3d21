/**
 * The connection settings Eventline reads, by internal name, with the environment variable
 * of each. The properties-file keys that feed them are in `client-properties.reader.ts`.
 * Secrets also accept `<NAME>_FILE` (a mounted Kubernetes secret).
 */
export const SETTING_ENV = {
  bootstrap: 'KAFKA_BROKERS',
  protocol: 'KAFKA_SECURITY_PROTOCOL',
  mechanism: 'KAFKA_SASL_MECHANISM',
  username: 'KAFKA_SASL_USERNAME',
  password: 'KAFKA_SASL_PASSWORD',
  oauthTokenFile: 'KAFKA_SASL_OAUTHBEARER_TOKEN_FILE',
  caFile: 'KAFKA_SSL_CA_FILE',
  certFile: 'KAFKA_SSL_CERT_FILE',
  keyFile: 'KAFKA_SSL_KEY_FILE',
  keyPassword: 'KAFKA_SSL_KEY_PASSWORD',
  endpointIdentification: 'KAFKA_SSL_ENDPOINT_IDENTIFICATION_ALGORITHM',
  clientId: 'KAFKA_CLIENT_ID',
  registryUrl: 'SCHEMA_REGISTRY_URL',
  registryUserInfo: 'SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO',
  /** USER_INFO (default), URL (user:password in the URL) or SASL_INHERIT (Kafka's SASL user). */
  registryCredentialsSource: 'SCHEMA_REGISTRY_BASIC_AUTH_CREDENTIALS_SOURCE',
  registryBearerToken: 'SCHEMA_REGISTRY_BEARER_TOKEN',
  registryCaFile: 'SCHEMA_REGISTRY_CA_FILE',
} as const;
export type SettingName = keyof typeof SETTING_ENV;

/** Settings whose values are secrets: never printed, and readable from `<ENV>_FILE`. */
const SECRET_SETTINGS: ReadonlySet<SettingName> = new Set(['password', 'keyPassword', 'registryUserInfo', 'registryBearerToken']);

/** Also readable from `<ENV>_FILE`, though not secret (Kubernetes secrets often hold the user too). */
export const FILE_READABLE_SETTINGS: ReadonlySet<SettingName> = new Set([...SECRET_SETTINGS, 'username']);

/** The environment variable that names the properties file. */
export const CLIENT_CONFIG_ENV = 'KAFKA_CLIENT_CONFIG';

/** One setting's value and a printable description of where it came from. */
export interface SourcedValue {
  readonly value: string;
  readonly source: string;
}

export type SettingLayer = Partial<Record<SettingName, SourcedValue>>;
