import type { Admin } from 'kafkajs';

/**
 * The audit topic's settings: one partition (one total order, and "the last N" is one offset
 * range), deletion never (retention.ms and retention.bytes -1) and no compaction, so every
 * record stays: an append-only log. The replication factor is the broker's default (-1), i.e.
 * what the cluster is set up for (1 locally, 3 on a production cluster).
 */
export const AUDIT_TOPIC_CONFIG = [
  { name: 'cleanup.policy', value: 'delete' },
  { name: 'retention.ms', value: '-1' },
  { name: 'retention.bytes', value: '-1' },
] as const;

const LEADER_WAIT_MS = 30_000;

/** Creates the topic when it is missing and waits for its leader. */
export async function ensureAuditTopic(admin: Admin, topic: string): Promise<'created' | 'exists'> {
  if ((await admin.listTopics()).includes(topic)) return 'exists';
  // False (not a throw) when another console created it meanwhile.
  await admin.createTopics({
    waitForLeaders: false,
    topics: [{ topic, numPartitions: 1, replicationFactor: -1, configEntries: AUDIT_TOPIC_CONFIG.map((e) => ({ ...e })) }],
  });
  // A broker answers UNKNOWN_TOPIC_OR_PARTITION for a moment after creating a topic (kafkajs's
  // waitForLeaders gives up on it), so the leader is awaited here, bounded.
  const until = Date.now() + LEADER_WAIT_MS;
  for (;;) {
    const ready = await admin
      .fetchTopicMetadata({ topics: [topic] })
      .then((m) => m.topics[0]?.partitions.length > 0 && m.topics[0].partitions.every((p) => p.leader >= 0))
      .catch(() => false);
    if (ready) return 'created';
    if (Date.now() > until) throw new Error(`the audit topic ${topic} has no leader after ${LEADER_WAIT_MS / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
