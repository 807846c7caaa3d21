import { Kafka, logLevel, type Admin, type ITopicConfig, type KafkaConfig } from 'kafkajs';
import { kafkaJsConnection, parseBrokerList, readConnectionSettings } from '@eventline/connection';
import { uniqueName } from './unique-names';

/** The brokers the global setup made sure of. */
export function testBrokers(): string[] {
  const raw = process.env.KAFKA_BROKERS;
  if (!raw) throw new Error('KAFKA_BROKERS is not set: run the tests through Jest so its global setup starts Kafka');
  const parsed = parseBrokerList(raw, 'KAFKA_BROKERS');
  if ('problem' in parsed) throw new Error(parsed.problem);
  return parsed.brokers;
}

/**
 * A client for the test cluster, with the environment's security settings (KAFKA_CLIENT_CONFIG,
 * KAFKA_SECURITY_PROTOCOL, …) so the suites can run against a secured cluster too.
 */
export function testKafka(overrides: Partial<KafkaConfig> = {}): Kafka {
  const { ssl, sasl } = kafkaJsConnection(readConnectionSettings({ env: { ...process.env, KAFKA_BROKERS: testBrokers().join(',') } }).kafka);
  return new Kafka({ clientId: 'eventline-test', brokers: testBrokers(), ...(ssl ? { ssl } : {}), ...(sasl ? { sasl } : {}), logLevel: logLevel.NOTHING, ...overrides });
}

/**
 * Creates uniquely named topics and group ids for one test file and deletes the topics (and
 * the groups, once empty) in `cleanup()`. Call cleanup in afterAll.
 */
export class TestTopics {
  private readonly topics = new Set<string>();
  private readonly groups = new Set<string>();
  private adminClient?: Admin;

  constructor(private readonly kafka: Kafka = testKafka()) {}

  async admin(): Promise<Admin> {
    if (!this.adminClient) {
      this.adminClient = this.kafka.admin();
      await this.adminClient.connect();
    }
    return this.adminClient;
  }

  async create(prefix: string, numPartitions = 1, config: Partial<ITopicConfig> = {}): Promise<string> {
    return this.createNamed(uniqueName(prefix), numPartitions, config);
  }

  /** Creates a topic under an exact name (e.g. `<topic>.dlq`), deleted at cleanup like the others. */
  async createNamed(topic: string, numPartitions = 1, config: Partial<ITopicConfig> = {}): Promise<string> {
    const admin = await this.admin();
    await admin.createTopics({ waitForLeaders: false, topics: [{ topic, numPartitions, ...config }] });
    this.topics.add(topic);
    // kafkajs's own waitForLeaders gives up on UNKNOWN_TOPIC_OR_PARTITION, which a loaded
    // broker answers for a moment after creating a topic; wait for every leader ourselves.
    const until = Date.now() + 30_000;
    for (;;) {
      const ready = await admin
        .fetchTopicMetadata({ topics: [topic] })
        .then((m) => m.topics[0].partitions.length === numPartitions && m.topics[0].partitions.every((p) => p.leader >= 0))
        .catch(() => false);
      if (ready) return topic;
      if (Date.now() > until) throw new Error(`topic ${topic} has no leader for every partition after 30 s`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /** A group id that is deleted at cleanup. */
  group(prefix: string): string {
    const group = uniqueName(prefix);
    this.groups.add(group);
    return group;
  }

  async cleanup(): Promise<void> {
    if (!this.adminClient) return;
    const admin = this.adminClient;
    this.adminClient = undefined;
    try {
      if (this.groups.size > 0) await admin.deleteGroups([...this.groups]).catch(() => undefined);
      if (this.topics.size > 0) await admin.deleteTopics({ topics: [...this.topics] });
    } finally {
      this.topics.clear();
      this.groups.clear();
      await admin.disconnect();
    }
  }
}
