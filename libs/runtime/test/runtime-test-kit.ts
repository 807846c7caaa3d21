import type { Admin, IHeaders, Kafka, KafkaMessage } from 'kafkajs';
import { testKafka, TestTopics } from '@eventline/testing';
import { EventConsumer, kafkaJsClient, RuntimeInstrumentation, type EventConsumerOptions, type EventRoute } from '../src';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function eventually<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value as T;
    if (Date.now() > until) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(50);
  }
}

export interface RawRecord {
  key: string;
  value: string | Buffer;
  partition?: number;
  headers?: IHeaders;
}

/**
 * One test file's Kafka world: unique topics (with their `.dlq`), consumers that are stopped
 * at the end, and small readers for what landed where.
 */
export class RuntimeTestKit {
  readonly kafka: Kafka = testKafka();
  readonly topics = new TestTopics(this.kafka);
  private readonly consumers: EventConsumer[] = [];

  async topicWithDlq(prefix: string, partitions: number): Promise<{ topic: string; dlq: string }> {
    const topic = await this.topics.create(prefix, partitions);
    const dlq = await this.topics.createNamed(`${topic}.dlq`, partitions);
    return { topic, dlq };
  }

  async produce(topic: string, records: RawRecord[]): Promise<void> {
    const producer = this.kafka.producer({ idempotent: true });
    await producer.connect();
    try {
      for (let i = 0; i < records.length; i += 1_000) {
        await producer.send({ topic, acks: -1, messages: records.slice(i, i + 1_000) });
      }
    } finally {
      await producer.disconnect();
    }
  }

  consumer(groupPrefix: string, routes: EventRoute<never>[], options: Partial<EventConsumerOptions> = {}): EventConsumer {
    const consumer = new EventConsumer({
      client: kafkaJsClient(this.kafka),
      groupId: this.topics.group(groupPrefix),
      routes,
      instrumentation: new RuntimeInstrumentation(),
      sessionTimeoutMs: 10_000,
      heartbeatIntervalMs: 1_000,
      ...options,
    });
    this.consumers.push(consumer);
    return consumer;
  }

  async admin(): Promise<Admin> {
    return this.topics.admin();
  }

  /** The group's committed offsets by partition ('-1' = none). */
  async committed(groupId: string, topic: string): Promise<Map<number, string>> {
    const admin = await this.admin();
    const [offsets] = await admin.fetchOffsets({ groupId, topics: [topic] });
    return new Map(offsets.partitions.map((p) => [p.partition, p.offset]));
  }

  /** Every record of a topic from the beginning (reads until the end offsets captured now). */
  async readAll(topic: string): Promise<Array<KafkaMessage & { partition: number }>> {
    const admin = await this.admin();
    const ends = await admin.fetchTopicOffsets(topic);
    const total = ends.reduce((n, p) => n + Number(BigInt(p.high) - BigInt(p.low)), 0);
    const seen: Array<KafkaMessage & { partition: number }> = [];
    if (total === 0) return seen;
    const reader = this.kafka.consumer({ groupId: this.topics.group('reader') });
    await reader.connect();
    await reader.subscribe({ topic, fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      reader
        .run({
          eachMessage: async ({ partition, message }) => {
            seen.push({ ...message, partition });
            if (seen.length >= total) resolve();
          },
        })
        .catch(reject);
    });
    await reader.disconnect();
    return seen;
  }

  async cleanup(): Promise<void> {
    await Promise.all(this.consumers.map((c) => c.stop()));
    await this.topics.cleanup();
  }
}
