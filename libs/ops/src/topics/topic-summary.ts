import { ConfigResourceTypes, type Admin } from 'kafkajs';
import { type PartitionWatermarks } from '../ranges/partition-range';
import { assertTopicExists } from './topic-exists';
import { fetchWatermarks } from './topic-offsets';

export interface TopicSummary {
  readonly topic: string;
  readonly partitions: number;
  /** Latest minus earliest, summed: an upper bound once compaction or transactions are involved. */
  readonly records: bigint;
}

interface PartitionDetail extends PartitionWatermarks {
  readonly leader: number;
  readonly replicas: readonly number[];
  readonly isr: readonly number[];
  readonly records: bigint;
}

interface TopicConfigEntry {
  readonly name: string;
  readonly value: string | null;
  readonly isDefault: boolean;
}

export interface TopicDescription {
  readonly topic: string;
  readonly partitions: readonly PartitionDetail[];
  readonly configs: readonly TopicConfigEntry[];
}

/** Internal topics (`__consumer_offsets`, the registry's `_schemas`) are hidden unless asked for. */
function isInternalTopic(topic: string): boolean {
  return topic.startsWith('_');
}

export async function summarizeTopics(admin: Admin, includeInternal: boolean): Promise<TopicSummary[]> {
  const names = (await admin.listTopics()).filter((t) => includeInternal || !isInternalTopic(t)).sort();
  const summaries: TopicSummary[] = [];
  for (const topic of names) {
    const watermarks = await fetchWatermarks(admin, topic);
    summaries.push({ topic, partitions: watermarks.length, records: watermarks.reduce((n, w) => n + (w.high - w.low), 0n) });
  }
  return summaries;
}

export async function describeTopic(admin: Admin, topic: string): Promise<TopicDescription> {
  await assertTopicExists(admin, topic);
  const [metadata, watermarks, configs] = await Promise.all([
    admin.fetchTopicMetadata({ topics: [topic] }),
    fetchWatermarks(admin, topic),
    admin.describeConfigs({ includeSynonyms: false, resources: [{ type: ConfigResourceTypes.TOPIC, name: topic }] }),
  ]);
  const byPartition = new Map(metadata.topics[0].partitions.map((p) => [p.partitionId, p]));
  return {
    topic,
    partitions: watermarks.map((w) => {
      const meta = byPartition.get(w.partition);
      return { ...w, records: w.high - w.low, leader: meta?.leader ?? -1, replicas: meta?.replicas ?? [], isr: meta?.isr ?? [] };
    }),
    configs: (configs.resources[0]?.configEntries ?? [])
      .map((c) => ({ name: c.configName, value: c.isSensitive ? '(sensitive)' : c.configValue, isDefault: c.isDefault }))
      .sort((a, b) => a.name.localeCompare(b.name)),
  };
}
