import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ClusterSpec, NodeSpec } from './cluster-layout';
import { LocalKafkaError, LocalKafkaErrorCode } from './local-kafka.error';

const RESET_HINT =
  'Wipe the local data with "npm run kafka -- reset" (add "--cluster three" for the 3-node cluster, "--security sasl-ssl" for the secure one).';

/** A Kafka cluster id: 16 random bytes, base64url without padding, never starting with "-". */
export function newClusterId(): string {
  for (;;) {
    const id = randomBytes(16).toString('base64url');
    if (!id.startsWith('-')) return id;
  }
}

function readMetaClusterId(node: NodeSpec): string | undefined {
  const meta = join(node.dataDir, 'meta.properties');
  if (!existsSync(meta)) return undefined;
  const line = readFileSync(meta, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('cluster.id='));
  return line?.slice('cluster.id='.length).trim();
}

/** The cluster's id, created on first use and kept beside the data so every node agrees. */
export function clusterId(cluster: ClusterSpec): string {
  if (existsSync(cluster.clusterIdFile)) return readFileSync(cluster.clusterIdFile, 'utf8').trim();
  const id = newClusterId();
  mkdirSync(cluster.dir, { recursive: true });
  writeFileSync(cluster.clusterIdFile, id);
  return id;
}

/** True if the node's log dir has been formatted (for any cluster). */
export function isFormatted(node: NodeSpec): boolean {
  return readMetaClusterId(node) !== undefined;
}

export interface FormatOptions {
  /** More StorageTool arguments, e.g. `--add-scram` for the secure cluster's users. */
  readonly extraArgs?: readonly string[];
  /** Strings in those arguments that must not appear in an error message. */
  readonly secrets?: readonly string[];
}

/**
 * Formats each node's log dir on first use (what kafka-storage.sh format does) and says
 * whether it formatted any. A data dir that holds files but no meta.properties, or one
 * formatted for another cluster id, is reported rather than overwritten: it may hold
 * someone's data.
 */
export function ensureFormatted(cluster: ClusterSpec, java: string, classpath: string, options: FormatOptions = {}): boolean {
  const id = clusterId(cluster);
  let formatted = false;
  for (const node of cluster.nodes) {
    const formattedFor = readMetaClusterId(node);
    if (formattedFor === id) continue;
    if (formattedFor !== undefined) {
      throw new LocalKafkaError(
        LocalKafkaErrorCode.StorageBroken,
        `node ${node.id}: ${node.dataDir} was formatted for cluster ${formattedFor}, but this cluster is ${id}.`,
        RESET_HINT,
      );
    }
    if (existsSync(node.dataDir) && readdirSync(node.dataDir).length > 0) {
      throw new LocalKafkaError(
        LocalKafkaErrorCode.StorageBroken,
        `node ${node.id}: ${node.dataDir} holds files but no meta.properties; it is not a Kafka log dir.`,
        RESET_HINT,
      );
    }
    const args = ['-cp', classpath, 'kafka.tools.StorageTool', 'format', '-t', id, '-c', node.configFile, ...(options.extraArgs ?? [])];
    const result = spawnSync(java, args, { encoding: 'utf8' });
    if (result.status !== 0) {
      let output = (result.stderr || result.stdout).trim();
      for (const secret of options.secrets ?? []) output = output.split(secret).join('[redacted]');
      throw new LocalKafkaError(LocalKafkaErrorCode.StorageBroken, `node ${node.id}: formatting ${node.dataDir} failed:\n${output}`, RESET_HINT);
    }
    formatted = true;
  }
  return formatted;
}

export { RESET_HINT };
