import type { ClusterSpec, NodeSpec } from './cluster-layout';
import type { ReadinessClient } from './readiness';
import type { FormatOptions } from './storage';
import type { KafkaPaths } from './workspace-paths';

export interface SecurityContext {
  readonly paths: KafkaPaths;
  readonly log: (line: string) => void;
}

/**
 * What differs between a PLAINTEXT cluster and the secure one, at each step of a start.
 * LocalKafka runs the steps in order and does not ask which kind of cluster it has; a new
 * kind of security is a new implementation of this (security-selector.ts picks it).
 */
export interface ClusterSecurity {
  /** Before the nodes' configs are written: certificates, passwords, client files. Idempotent. */
  prepare(cluster: ClusterSpec, context: SecurityContext): void;
  serverProperties(cluster: ClusterSpec, node: NodeSpec): string;
  /** What StorageTool format needs besides the cluster id (bootstrap SCRAM users). */
  formatOptions(cluster: ClusterSpec): FormatOptions;
  /** Storage was formatted just now, with what formatOptions asked for. */
  formatted(cluster: ClusterSpec): void;
  /** How the launcher's readiness probe logs in. */
  readinessClient(cluster: ClusterSpec): ReadinessClient;
  /** After the cluster answered: work that needs a running broker. */
  ready(cluster: ClusterSpec, context: SecurityContext): Promise<void>;
}
