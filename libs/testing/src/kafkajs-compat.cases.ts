/**
 * The protocol areas Eventline relies on, as kafkajs 2.2.4 uses them, written once and run
 * against each Kafka version the project claims: the launcher's default
 * (kafkajs-compat.int-spec.ts) and the oldest supported (kafkajs-compat-oldest.int-spec.ts).
 * If a Kafka upgrade drops a protocol version kafkajs needs, these cases go red first.
 */
import { CompressionTypes, type Consumer, type EachMessagePayload, type Kafka } from 'kafkajs';
import { TestTopics } from './test-kafka';

// kafkajs's disconnect() waits for the fetch in flight, which the broker holds for up to
// maxWaitTimeInMs (default 5 s) on a drained topic: a short wait keeps each spec's clean-up short.
const FETCH_WAIT_MS = 500;

function consumeUntil(consumer: Consumer, count: number): Promise<EachMessagePayload[]> {
  const seen: EachMessagePayload[] = [];
  return new Promise((resolve, reject) => {
    consumer
      .run({
        eachMessage: async (payload) => {
          seen.push(payload);
          if (seen.length === count) resolve(seen);
        },
      })
      .catch(reject);
  });
}

/**
 * Registers the compatibility cases in a describe block of their own. `connect` is called in
 * that block's beforeAll, so a broker started by an outer beforeAll is up by then.
 */
export function describeKafkajsCompat(title: string, connect: () => Kafka): void {
  describe(title, () => {
    let kafka: Kafka;
    let topics: TestTopics;
    const consumers: Consumer[] = [];

    beforeAll(() => {
      kafka = connect();
      topics = new TestTopics(kafka);
    });

    afterAll(async () => {
      await Promise.all(consumers.map((c) => c.disconnect()));
      await topics?.cleanup();
    });

    it('reports the broker through admin metadata and topic configs', async () => {
      const topic = await topics.create('compat-admin', 3, { configEntries: [{ name: 'retention.ms', value: '3600000' }] });
      const admin = await topics.admin();
      const cluster = await admin.describeCluster();
      expect(cluster.brokers.length).toBeGreaterThanOrEqual(1);
      const metadata = await admin.fetchTopicMetadata({ topics: [topic] });
      expect(metadata.topics[0].partitions).toHaveLength(3);
      const configs = await admin.describeConfigs({
        includeSynonyms: false,
        resources: [{ type: 2 /* TOPIC */, name: topic, configNames: ['retention.ms'] }],
      });
      expect(configs.resources[0].configEntries[0]).toMatchObject({ configName: 'retention.ms', configValue: '3600000' });
    });

    it('produces idempotently with acks=all and reads the offsets back, also by timestamp', async () => {
      const topic = await topics.create('compat-produce', 2);
      const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 5 });
      await producer.connect();
      const before = Date.now();
      const acks = await producer.send({
        topic,
        acks: -1,
        compression: CompressionTypes.GZIP,
        messages: Array.from({ length: 20 }, (_, i) => ({ key: `k${i % 4}`, value: `v${i}`, partition: i % 2 })),
      });
      await producer.disconnect();
      expect(acks.every((a) => a.errorCode === 0)).toBe(true);
      const admin = await topics.admin();
      const offsets = await admin.fetchTopicOffsets(topic);
      expect(offsets.map((o) => o.high).sort()).toEqual(['10', '10']);
      const byTime = await admin.fetchTopicOffsetsByTimestamp(topic, before - 1000);
      expect(byTime.map((o) => o.offset).sort()).toEqual(['0', '0']);
    });

    it('commits transactions that read_committed consumers see, and hides aborted ones', async () => {
      const topic = await topics.create('compat-tx', 1);
      const producer = kafka.producer({ transactionalId: topics.group('tx'), idempotent: true, maxInFlightRequests: 1 });
      await producer.connect();
      const aborted = await producer.transaction();
      await aborted.send({ topic, messages: [{ key: 'a', value: 'aborted' }] });
      await aborted.abort();
      const committed = await producer.transaction();
      await committed.send({ topic, messages: [{ key: 'a', value: 'committed' }] });
      await committed.commit();
      await producer.disconnect();

      const consumer = kafka.consumer({ groupId: topics.group('tx-reader'), readUncommitted: false, maxWaitTimeInMs: FETCH_WAIT_MS });
      consumers.push(consumer);
      await consumer.connect();
      await consumer.subscribe({ topic, fromBeginning: true });
      const [only] = await consumeUntil(consumer, 1);
      expect(only.message.value?.toString()).toBe('committed');
    });

    it('runs a consumer group that commits offsets with metadata, and admin reads and moves them', async () => {
      const topic = await topics.create('compat-group', 2);
      // Idempotent: a plain producer's retry after a timed-out request can write a partition's
      // batch twice on a loaded machine (seen in CI: 10 records in one partition, none in the other).
      const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
      await producer.connect();
      await producer.send({ topic, acks: -1, messages: Array.from({ length: 10 }, (_, i) => ({ value: `m${i}`, partition: i % 2 })) });
      await producer.disconnect();

      const groupId = topics.group('compat-group');
      const consumer = kafka.consumer({ groupId, maxWaitTimeInMs: FETCH_WAIT_MS });
      consumers.push(consumer);
      await consumer.connect();
      await consumer.subscribe({ topic, fromBeginning: true });
      const seen = new Set<string>();
      await new Promise<void>((resolve, reject) => {
        consumer
          .run({
            autoCommit: false,
            eachMessage: async ({ partition, message }) => {
              seen.add(message.value?.toString() ?? '');
              if (seen.size === 10) resolve();
              await consumer.commitOffsets([
                { topic, partition, offset: (BigInt(message.offset) + 1n).toString(), metadata: `done:${message.offset}` } as never,
              ]);
            },
          })
          .catch(reject);
      });
      await consumer.disconnect();
      consumers.splice(consumers.indexOf(consumer), 1);

      const admin = await topics.admin();
      const [committed] = await admin.fetchOffsets({ groupId, topics: [topic] });
      expect(committed.partitions.map((p) => p.offset).sort()).toEqual(['5', '5']);
      expect(committed.partitions.map((p) => p.metadata).sort()).toEqual(['done:4', 'done:4']);

      const groups = await admin.describeGroups([groupId]);
      expect(groups.groups[0].state).toBe('Empty');
      await admin.setOffsets({ groupId, topic, partitions: [{ partition: 0, offset: '1' }] });
      const [moved] = await admin.fetchOffsets({ groupId, topics: [topic] });
      expect(moved.partitions.find((p) => p.partition === 0)?.offset).toBe('1');
    });
  });
}
