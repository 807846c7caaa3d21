export { KAFKA_VERSION } from './kafka-version';
export { ClusterMode, bootstrapServers, type ClusterSpec, type NodeSpec } from './cluster-layout';
export { LocalKafka, type LocalKafkaOptions, type NodeStatus, type StartResult } from './local-kafka';
export { LocalKafkaError, LocalKafkaErrorCode } from './local-kafka.error';
export { NodeState } from './node-process';
export { ensureKafka, parseBrokerList, type KafkaConnection } from './kafka-connection';
export { workspaceRoot } from './workspace-paths';
