import type { ClusterSpec, NodeSpec } from './cluster-layout';

export type ServerProperties = Record<string, string | number | boolean>;

/**
 * The KRaft configuration of one combined broker+controller node. Every node is a voter
 * (static quorum), so the three-node cluster keeps a controller majority with one node down.
 * Listeners are PLAINTEXT here; the secure cluster replaces them (secure-server-properties.ts).
 */
export function baseServerProperties(cluster: ClusterSpec, node: NodeSpec): ServerProperties {
  const voters = cluster.nodes.map((n) => `${n.id}@${n.host}:${n.controllerPort}`).join(',');
  const rf = cluster.replicationFactor;
  return {
    'process.roles': 'broker,controller',
    'node.id': node.id,
    'controller.quorum.voters': voters,
    listeners: `PLAINTEXT://${node.host}:${node.brokerPort},CONTROLLER://${node.host}:${node.controllerPort}`,
    'advertised.listeners': `PLAINTEXT://${node.host}:${node.brokerPort}`,
    'controller.listener.names': 'CONTROLLER',
    'inter.broker.listener.name': 'PLAINTEXT',
    'listener.security.protocol.map': 'PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT',
    'log.dirs': node.dataDir,
    'num.partitions': 1,
    'default.replication.factor': rf,
    'min.insync.replicas': cluster.minInsyncReplicas,
    'offsets.topic.replication.factor': rf,
    'offsets.topic.num.partitions': 10,
    'transaction.state.log.replication.factor': rf,
    'transaction.state.log.min.isr': cluster.minInsyncReplicas,
    'transaction.state.log.num.partitions': 10,
    'share.coordinator.state.topic.replication.factor': rf,
    'share.coordinator.state.topic.min.isr': cluster.minInsyncReplicas,
    // A test or a demo should not wait 3 s for the first rebalance of every new group.
    'group.initial.rebalance.delay.ms': 0,
    'auto.create.topics.enable': false,
    'delete.topic.enable': true,
    // Small segments keep a laptop's disk quiet; retention is per topic anyway.
    'log.segment.bytes': 64 * 1024 * 1024,
    'log.retention.hours': 24,
    'num.network.threads': 2,
    'num.io.threads': 4,
  };
}

/**
 * One `key=value` line per entry. Values are written as they are: callers only pass paths,
 * numbers and fixed strings, none of which holds a line break.
 */
export function renderProperties(props: ServerProperties): string {
  return Object.entries(props)
    .map(([k, v]) => `${k}=${v}`)
    .join('\n')
    .concat('\n');
}

export function serverProperties(cluster: ClusterSpec, node: NodeSpec): string {
  return renderProperties(baseServerProperties(cluster, node));
}

/** Broker logs go to stdout, which the launcher sends to the node's kafka.log. */
export const LOG4J2_PROPERTIES = `status = warn
appender.out.type = Console
appender.out.name = OUT
appender.out.layout.type = PatternLayout
appender.out.layout.pattern = [%d] %p %m (%c)%n
rootLogger.level = INFO
rootLogger.appenderRef.out.ref = OUT
logger.kafka_request.name = kafka.request.logger
logger.kafka_request.level = WARN
logger.state_change.name = state.change.logger
logger.state_change.level = WARN
logger.controller.name = org.apache.kafka.controller
logger.controller.level = WARN
logger.log_cleaner.name = kafka.log.LogCleaner
logger.log_cleaner.level = WARN
`;
