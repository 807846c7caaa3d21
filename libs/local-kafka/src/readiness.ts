import { Kafka, logLevel, type KafkaConfig } from 'kafkajs';
import type { ClusterSpec, NodeSpec } from './cluster-layout';
import { bootstrapServers } from './cluster-layout';
import { LocalKafkaError, LocalKafkaErrorCode } from './local-kafka.error';
import { tailFile } from './log-tail';
import { livePid } from './node-process';
import { isListening } from './port-probe';
import { RESET_HINT } from './storage';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// Log lines by which Kafka says its log dir does not fit this cluster.
const STORAGE_TROUBLE = /meta\.properties|InconsistentClusterIdException|Invalid cluster\.id|is not formatted/i;

function exitedEarly(node: NodeSpec): LocalKafkaError {
  const tail = tailFile(node.logFile, 30);
  const storage = STORAGE_TROUBLE.test(tail);
  return new LocalKafkaError(
    storage ? LocalKafkaErrorCode.StorageBroken : LocalKafkaErrorCode.ExitedEarly,
    `Kafka node ${node.id} exited while starting. Last lines of ${node.logFile}:\n${tail}`,
    storage ? RESET_HINT : `Read the whole log with "npm run kafka -- logs".`,
  );
}

/** How the launcher's own admin client logs in: nothing for PLAINTEXT, TLS and SASL for the secure cluster. */
export type ReadinessClient = Pick<KafkaConfig, 'ssl' | 'sasl'>;

const Probe = { Ready: 'ready', NotYet: 'not-yet', AuthFailed: 'auth-failed' } as const;
type Probe = (typeof Probe)[keyof typeof Probe];

/** Answers a metadata request listing exactly the expected brokers. */
async function metadataAnswers(brokers: string[], expected: number, client: ReadinessClient): Promise<Probe> {
  const admin = new Kafka({
    ...client,
    clientId: 'eventline-launcher',
    brokers,
    logLevel: logLevel.NOTHING,
    connectionTimeout: 1_000,
    requestTimeout: 2_000,
    retry: { retries: 0 },
  }).admin();
  try {
    await admin.connect();
    const { brokers: seen } = await admin.describeCluster();
    return seen.length >= expected ? Probe.Ready : Probe.NotYet;
  } catch (error) {
    return (error as Error).name === 'KafkaJSSASLAuthenticationError' ? Probe.AuthFailed : Probe.NotYet;
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}

// A refused login could be a broker that has not replayed its SCRAM records yet; one that
// stays refused this long is a credentials file that does not match the storage.
const AUTH_FAILURE_GRACE_MS = 5_000;

function authFailed(cluster: ClusterSpec): LocalKafkaError {
  return new LocalKafkaError(
    LocalKafkaErrorCode.AuthenticationFailed,
    `the ${cluster.mode} cluster refuses the launcher's admin login: the credentials file in ${cluster.dir} does not match its storage.`,
    'Wipe the secure cluster with "npm run kafka -- reset --security sasl-ssl"; the next start makes new users and credentials together.',
  );
}

/**
 * Waits until every given node listens and the cluster answers a metadata request with all
 * of them registered; fails fast if a JVM dies or the launcher's own login keeps being
 * refused, and with the log's tail at the deadline.
 */
export async function waitUntilReady(cluster: ClusterSpec, nodes: readonly NodeSpec[], deadlineMs: number, client: ReadinessClient = {}): Promise<void> {
  const until = Date.now() + deadlineMs;
  let refusedSince: number | undefined;
  for (;;) {
    for (const node of nodes) if (livePid(node) === undefined) throw exitedEarly(node);
    const listening = await Promise.all(nodes.map((n) => isListening(n.host, n.brokerPort)));
    if (listening.every(Boolean)) {
      const probe = await metadataAnswers(bootstrapServers(cluster), cluster.nodes.length, client);
      if (probe === Probe.Ready) return;
      refusedSince = probe === Probe.AuthFailed ? (refusedSince ?? Date.now()) : undefined;
      if (refusedSince !== undefined && Date.now() - refusedSince > AUTH_FAILURE_GRACE_MS) throw authFailed(cluster);
    }
    if (Date.now() > until) {
      const slow = nodes.find((_, i) => !listening[i]) ?? nodes[0];
      throw new LocalKafkaError(
        LocalKafkaErrorCode.StartTimeout,
        `Kafka did not answer within ${Math.round(deadlineMs / 1000)} s. Last lines of ${slow.logFile}:\n${tailFile(slow.logFile, 30)}`,
        'A slow first start can need more time: set EVENTLINE_KAFKA_START_TIMEOUT_MS. Otherwise read "npm run kafka -- logs".',
      );
    }
    await sleep(250);
  }
}
