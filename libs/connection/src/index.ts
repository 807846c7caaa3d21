export { ConnectionConfigError, ConnectionError, ConnectionErrorCode } from './errors/connection-config.error';
export { parseJavaProperties, type PropertyEntry } from './properties/java-properties.parser';
export { parseJaasConfig, type JaasConfig } from './properties/jaas-config.parser';
export { parseBrokerList } from './settings/broker-list';
export {
  SaslMechanism,
  SecurityProtocol,
  usesSasl,
  usesTls,
  type ConnectionSettings,
  type KafkaConnectionSettings,
  type RegistryAuth,
  type RegistryConnectionSettings,
  type SaslSettings,
  type SettingFile,
  type TlsSettings,
} from './settings/connection-settings';
export {
  collectConnectionSettings,
  DEFAULT_BROKERS,
  DEFAULT_REGISTRY_URL,
  plainConnectionSettings,
  readConnectionSettings,
  type ConnectionFlags,
  type ReadConnectionOptions,
} from './settings/connection-settings.reader';
export { describeKafkaConnection, describeRegistryConnection } from './settings/connection-description';
export { Secret } from './settings/secret';
export { CLIENT_CONFIG_ENV, SETTING_ENV } from './settings/setting-names';
export { kafkaJsConnection, type KafkaJsConnection } from './kafkajs/kafkajs-config';
export { explainKafkaError } from './kafkajs/kafka-connect-failure';
export { verifyKafkaConnection, type VerifyKafkaOptions } from './kafkajs/verify-kafka-connection';
export { plainRegistryConnection, registryClientConnection, type RegistryClientConnection } from './registry/registry-client-connection';
export { describeTlsError, RegistryHttpClient, type RegistryAnswer, type RegistryHttpOptions } from './registry/registry-http.client';
