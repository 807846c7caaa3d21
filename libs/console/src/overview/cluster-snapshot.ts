import type { Admin } from 'kafkajs';
import { CLI_READER_GROUP_PREFIX, CONSOLE_READER_GROUP_PREFIX } from '@eventline/contracts';

export interface TopicWatermarks {
  readonly name: string;
  readonly partitions: ReadonlyArray<{ readonly partition: number; readonly low: bigint; readonly high: bigint }>;
}

export interface GroupLag {
  readonly groupId: string;
  readonly state: string;
  readonly members: number;
  /** `${topic}:${partition}` → latest − committed, for every partition the group committed for. */
  readonly lag: ReadonlyMap<string, bigint>;
}

/** What the overview shows, taken in one pass: every topic's watermarks and every group's lag. */
export interface ClusterSnapshot {
  readonly at: number;
  readonly topics: readonly TopicWatermarks[];
  readonly groups: readonly GroupLag[];
}

/**
 * Kafka's own topics (`__consumer_offsets`, `__transaction_state`) are not the operator's;
 * throwaway reader groups (the CLI's and the console's group-less reads) are not either.
 */
const isKafkaInternal = (topic: string) => topic.startsWith('__');
export const isThrowawayReaderGroup = (groupId: string) => groupId.startsWith(CLI_READER_GROUP_PREFIX) || groupId.startsWith(CONSOLE_READER_GROUP_PREFIX);

/** Lag is counted against the watermarks read in the same pass, so a snapshot is consistent with itself. */
export async function takeClusterSnapshot(admin: Admin, now: () => number = Date.now): Promise<ClusterSnapshot> {
  const names = (await admin.listTopics()).filter((t) => !isKafkaInternal(t)).sort();
  const topics: TopicWatermarks[] = [];
  for (const name of names) {
    const offsets = await admin.fetchTopicOffsets(name).catch(() => undefined);
    // A topic deleted between the list and its offsets is simply not in this snapshot.
    if (!offsets) continue;
    topics.push({
      name,
      partitions: offsets.map((p) => ({ partition: p.partition, low: BigInt(p.low), high: BigInt(p.high) })).sort((a, b) => a.partition - b.partition),
    });
  }
  const high = new Map<string, bigint>();
  for (const topic of topics) for (const p of topic.partitions) high.set(`${topic.name}:${p.partition}`, p.high);

  const listed = (await admin.listGroups()).groups.map((g) => g.groupId).filter((g) => !isThrowawayReaderGroup(g)).sort();
  const described = listed.length > 0 ? new Map((await admin.describeGroups(listed)).groups.map((g) => [g.groupId, g])) : new Map();
  const groups: GroupLag[] = [];
  for (const groupId of listed) {
    const lag = new Map<string, bigint>();
    for (const { topic, partitions } of await admin.fetchOffsets({ groupId })) {
      for (const p of partitions) {
        const committed = BigInt(p.offset);
        const latest = high.get(`${topic}:${p.partition}`);
        if (committed < 0n || latest === undefined) continue;
        lag.set(`${topic}:${p.partition}`, latest > committed ? latest - committed : 0n);
      }
    }
    const group = described.get(groupId);
    groups.push({ groupId, state: group?.state ?? 'Unknown', members: group?.members.length ?? 0, lag });
  }
  return { at: now(), topics, groups };
}

/** Records a topic holds now: Σ (latest − earliest); an upper bound under compaction. */
export function heldRecords(topic: TopicWatermarks): bigint {
  return topic.partitions.reduce((sum, p) => sum + (p.high - p.low), 0n);
}

/** Σ lag, or null when the group committed for nothing yet. */
export function totalLag(group: GroupLag): bigint | null {
  if (group.lag.size === 0) return null;
  let sum = 0n;
  for (const lag of group.lag.values()) sum += lag;
  return sum;
}
