import { join } from 'node:path';
import type { KafkaPaths } from './workspace-paths';

/** The two shapes of local cluster the launcher can run. */
export const ClusterMode = {
  /** One combined broker+controller: the default for `npm start` and the tests. */
  Single: 'single',
  /** Three combined nodes, replication 3, min.insync.replicas 2: for fault tests. */
  Three: 'three',
} as const;
export type ClusterMode = (typeof ClusterMode)[keyof typeof ClusterMode];

export interface NodeSpec {
  readonly id: number;
  readonly host: string;
  readonly brokerPort: number;
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

function node(dir: string, id: number, brokerPort: number, controllerPort: number, heapMb: number): NodeSpec {
  const nodeDir = join(dir, `node-${id}`);
  return {
    id,
    host: HOST,
    brokerPort,
    controllerPort,
    dir: nodeDir,
    dataDir: join(nodeDir, 'data'),
    configFile: join(nodeDir, 'server.properties'),
    logFile: join(nodeDir, 'kafka.log'),
    pidFile: join(nodeDir, 'kafka.pid'),
    heapMb,
  };
}

/**
 * Ports: the single broker listens on 9092 (controller 9093) unless EVENTLINE_KAFKA_PORT
 * moves it (the controller takes the next port). The three-node cluster uses
 * 19092-19094 for brokers and 19192-19194 for controllers, so both modes can run at once.
 */
export function clusterLayout(paths: KafkaPaths, mode: ClusterMode): ClusterSpec {
  const dir = join(paths.runRoot, mode);
  const common = {
    mode,
    dir,
    clusterIdFile: join(dir, 'cluster.id'),
    lockFile: join(dir, 'start.lock'),
    log4jFile: join(dir, 'log4j2.properties'),
  };
  if (mode === ClusterMode.Single) {
    const port = portFromEnv('EVENTLINE_KAFKA_PORT', 9092);
    return { ...common, nodes: [node(dir, 1, port, port + 1, 768)], replicationFactor: 1, minInsyncReplicas: 1 };
  }
  const nodes = [1, 2, 3].map((id) => node(dir, id, 19091 + id, 19191 + id, 512));
  return { ...common, nodes, replicationFactor: 3, minInsyncReplicas: 2 };
}

export function bootstrapServers(cluster: ClusterSpec): string[] {
  return cluster.nodes.map((n) => `${n.host}:${n.brokerPort}`);
}
