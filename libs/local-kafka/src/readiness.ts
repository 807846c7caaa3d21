import { Kafka, logLevel } from 'kafkajs';
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

/** Answers a metadata request listing exactly the expected brokers. */
async function metadataAnswers(brokers: string[], expected: number): Promise<boolean> {
  const admin = new Kafka({
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
    return seen.length >= expected;
  } catch {
    return false;
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}

/**
 * Waits until every given node listens and the cluster answers a metadata request with all
 * of them registered; fails fast if a JVM dies, and with the log's tail at the deadline.
 */
export async function waitUntilReady(cluster: ClusterSpec, nodes: readonly NodeSpec[], deadlineMs: number): Promise<void> {
  const until = Date.now() + deadlineMs;
  for (;;) {
    for (const node of nodes) if (livePid(node) === undefined) throw exitedEarly(node);
    const listening = await Promise.all(nodes.map((n) => isListening(n.host, n.brokerPort)));
    if (listening.every(Boolean) && (await metadataAnswers(bootstrapServers(cluster), cluster.nodes.length))) return;
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
