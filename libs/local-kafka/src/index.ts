export { KAFKA_VERSION, OLDEST_KAFKA_VERSION } from './kafka-version';
export { ClusterMode, bootstrapServers, type ClusterSpec, type NodeSpec } from './cluster-layout';
export { LocalKafka, type LocalKafkaOptions, type NodeStatus, type SharedCluster, type StartResult, type StopOptions } from './local-kafka';
export { LocalKafkaError, LocalKafkaErrorCode } from './local-kafka.error';
export { NodeState } from './node-process';
export { ensureKafka, parseBrokerList, type KafkaConnection } from './kafka-connection';
export { workspaceRoot } from './workspace-paths';
export { SecurityMode } from './security-mode';
export {
  secureClusterCredentials,
  type ClientCertificate,
  type ClientPropertiesOptions,
  type KafkaJsSecurity,
  type SecureClusterCredentials,
  type SecureUser,
} from './secure-cluster-credentials';
export { ClientPropertiesFlavor, ClientTransport } from './client-properties';
export { addScramUser, type AddScramUserOptions } from './add-scram-user';
export { ADMIN_PRINCIPAL, APPLICATION_PRINCIPALS, BROKER_PRINCIPAL, CERTIFICATE_PRINCIPALS, SCRAM_PRINCIPALS, TEST_PRINCIPALS } from './secure-principals';
export { runKafkaTool, type KafkaToolOptions, type KafkaToolResult } from './kafka-tool';
export { tailFile } from './log-tail';
