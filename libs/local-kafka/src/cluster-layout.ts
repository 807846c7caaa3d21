import { join } from 'node:path';
import type { KafkaPaths } from './workspace-paths';

/** The two shapes of local cluster the launcher can run. */
export const ClusterMode = {
  /** One combined broker+controller: the default for `npm start` and the tests. */
  Single: 'single',
  /** Three combined nodes, replication 3, min.insync.replicas 2: for fault tests. */
  Three: 'three',
  /**
   * One combined node with SASL_SSL (SCRAM-SHA-512) and mTLS listeners and ACLs enforced, on
   * its own ports and data dir so it runs beside the plain broker. Chosen by `security: 'sasl-ssl'`.
   */
  Secure: 'secure',
} as const;
export type ClusterMode = (typeof ClusterMode)[keyof typeof ClusterMode];

export interface NodeSpec {
  readonly id: number;
  readonly host: string;
  /** The client listener: PLAINTEXT, or SASL_SSL on the secure cluster. */
  readonly brokerPort: number;
  /** The secure cluster's SSL listener that requires a client certificate (mTLS). */
  readonly sslPort?: number;
  readonly controllerPort: number;
  readonly dir: string;
  readonly dataDir: string;
  readonly configFile: string;
  readonly logFile: string;
  readonly pidFile: string;
  readonly heapMb: number;
}

export interface ClusterSpec {
  readonly mode: ClusterMode;
  readonly dir: string;
  readonly clusterIdFile: string;
  readonly lockFile: string;
  readonly log4jFile: string;
  readonly nodes: readonly NodeSpec[];
  readonly replicationFactor: number;
  readonly minInsyncReplicas: number;
  /** The environment variable that moves this cluster's ports, for the port-taken hint. */
  readonly portEnv: string;
}

const HOST = '127.0.0.1';

function portFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`${name}=${raw} is not a TCP port (1-65535)`);
  }
  return port;
}

interface Ports {
  readonly broker: number;
  readonly ssl?: number;
  readonly controller: number;
}

function node(dir: string, id: number, ports: Ports, heapMb: number): NodeSpec {
  const nodeDir = join(dir, `node-${id}`);
  return {
    id,
    host: HOST,
    brokerPort: ports.broker,
    ...(ports.ssl === undefined ? {} : { sslPort: ports.ssl }),
    controllerPort: ports.controller,
    dir: nodeDir,
    dataDir: join(nodeDir, 'data'),
    configFile: join(nodeDir, 'server.properties'),
    logFile: join(nodeDir, 'kafka.log'),
    pidFile: join(nodeDir, 'kafka.pid'),
    heapMb,
  };
}

/**
 * Ports: the single broker listens on 9092 (controller 9093) unless `port` or
 * EVENTLINE_KAFKA_PORT moves it (the controller takes the next port). The three-node cluster
 * uses 19092-19094 for brokers and 19192-19194 for controllers. The secure node uses 9192
 * (SASL_SSL), 9193 (mTLS) and 9194 (controller) unless `port` or EVENTLINE_SECURE_KAFKA_PORT
 * moves the first. All three modes can run at once, and beside them the same modes of another
 * Kafka version (its own data dir, see workspace-paths.ts) on ports of its own.
 */
export function clusterLayout(paths: KafkaPaths, mode: ClusterMode, port?: number): ClusterSpec {
  const dir = join(paths.runRoot, mode);
  const common = {
    mode,
    dir,
    clusterIdFile: join(dir, 'cluster.id'),
    lockFile: join(dir, 'start.lock'),
    log4jFile: join(dir, 'log4j2.properties'),
  };
  if (mode === ClusterMode.Single) {
    const broker = port ?? portFromEnv('EVENTLINE_KAFKA_PORT', 9092);
    const nodes = [node(dir, 1, { broker, controller: broker + 1 }, 768)];
    return { ...common, nodes, replicationFactor: 1, minInsyncReplicas: 1, portEnv: 'EVENTLINE_KAFKA_PORT' };
  }
  if (mode === ClusterMode.Secure) {
    const broker = port ?? portFromEnv('EVENTLINE_SECURE_KAFKA_PORT', 9192);
    if (broker > 65533) throw new Error(`secure port ${broker} leaves no room for the two ports after it`);
    // Smaller heap than the plain broker: it runs beside it on a laptop and carries test traffic only.
    const nodes = [node(dir, 1, { broker, ssl: broker + 1, controller: broker + 2 }, 512)];
    return { ...common, nodes, replicationFactor: 1, minInsyncReplicas: 1, portEnv: 'EVENTLINE_SECURE_KAFKA_PORT' };
  }
  const nodes = [1, 2, 3].map((id) => node(dir, id, { broker: 19091 + id, controller: 19191 + id }, 512));
  return { ...common, nodes, replicationFactor: 3, minInsyncReplicas: 2, portEnv: 'EVENTLINE_KAFKA_PORT' };
}

/** Every port a node binds, for the free-port check before it starts. */
export function nodePorts(node: NodeSpec): number[] {
  return [node.brokerPort, node.sslPort, node.controllerPort].filter((p): p is number => p !== undefined);
}

export function bootstrapServers(cluster: ClusterSpec): string[] {
  return cluster.nodes.map((n) => `${n.host}:${n.brokerPort}`);
}
