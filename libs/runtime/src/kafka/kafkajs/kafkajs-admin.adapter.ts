import type { Admin } from 'kafkajs';
import type { AdminPort, TopicSpec } from '../kafka-client.port';

const TOPIC_RESOURCE = 2; // kafkajs ConfigResourceTypes.TOPIC

/** A kafkajs admin client behind the admin port. */
export class KafkaJsAdminAdapter implements AdminPort {
  constructor(private readonly admin: Admin) {}

  connect(): Promise<void> {
    return this.admin.connect();
  }

  listTopics(): Promise<string[]> {
    return this.admin.listTopics();
  }

  async topicPartitions(topics: readonly string[]) {
    const metadata = await this.admin.fetchTopicMetadata({ topics: [...topics] });
    return metadata.topics.map((t) => ({ name: t.name, partitions: t.partitions.map((p) => ({ partitionId: p.partitionId, leader: p.leader, replicas: p.replicas })) }));
  }

  async topicConfigs(topics: readonly string[], names: readonly string[]) {
    const described = await this.admin.describeConfigs({
      includeSynonyms: false,
      resources: topics.map((name) => ({ type: TOPIC_RESOURCE, name, configNames: [...names] })),
    });
    return new Map(described.resources.map((r) => [r.resourceName, new Map(r.configEntries.map((e) => [e.configName, e.configValue]))]));
  }

  async createTopics(topics: readonly TopicSpec[]): Promise<void> {
    // kafkajs's own waitForLeaders gives up on UNKNOWN_TOPIC_OR_PARTITION, which a broker
    // answers for a moment after creating a topic: callers wait for leaders themselves.
    await this.admin.createTopics({ topics: topics.map((t) => ({ ...t, configEntries: t.configEntries ? [...t.configEntries] : undefined })), waitForLeaders: false });
  }

  async committedOffsets(groupId: string, topic: string) {
    const [offsets] = await this.admin.fetchOffsets({ groupId, topics: [topic] });
    return (offsets?.partitions ?? []).map((p) => ({ partition: p.partition, offset: p.offset, metadata: p.metadata ?? null }));
  }

  disconnect(): Promise<void> {
    return this.admin.disconnect();
  }
}
