import type { Admin, IHeaders, Kafka, Message, Producer, ProducerBatch, ProducerConfig, RecordMetadata } from 'kafkajs';

export interface WrittenRecord {
  readonly key: string;
  readonly value: Buffer;
  readonly headers: IHeaders;
  readonly offset: string;
}

/**
 * How the fake broker answers one `sendBatch` (1 = the first call): throw an error, or
 * leave partitions out of the response without writing them — what kafkajs 2.2.4 does when
 * a leader dies mid-send (tulios/kafkajs#1303).
 */
export type FakeBrokerBehaviour = (call: number, batch: ProducerBatch) => { readonly omit?: ReadonlyArray<[string, number]>; readonly fail?: Error } | undefined;

/** A kafkajs producer and admin in memory, recording every `sendBatch` and what each partition holds. */
export class FakeKafka {
  readonly batches: ProducerBatch[] = [];
  readonly log = new Map<string, WrittenRecord[]>();
  readonly events: string[] = [];
  producerConfig?: ProducerConfig;
  behaviour?: FakeBrokerBehaviour;
  /** Delay of every sendBatch, to keep a batch in flight while more publishes arrive. */
  sendDelayMs = 0;
  metadataCalls = 0;

  constructor(readonly partitionCounts: Record<string, number>) {}

  /** What `kafkaJsClient` takes (a consumer is not faked: the consumer has its own fake port). */
  get client(): Pick<Kafka, 'producer' | 'admin' | 'consumer'> {
    return {
      producer: (config?: ProducerConfig) => this.producer(config),
      admin: () => this.admin(),
      consumer: () => {
        throw new Error('FakeKafka has no consumer; use FakeKafkaClient (kafka/fake) for consumer specs');
      },
    };
  }

  written(topic: string, partition: number): WrittenRecord[] {
    return this.log.get(`${topic}[${partition}]`) ?? [];
  }

  allWritten(): WrittenRecord[] {
    return [...this.log.values()].flat();
  }

  private producer(config?: ProducerConfig): Producer {
    this.producerConfig = config;
    const producer: Partial<Producer> = {
      connect: async () => void this.events.push('producer.connect'),
      disconnect: async () => void this.events.push('producer.disconnect'),
      sendBatch: (batch) => this.sendBatch(batch),
    };
    return producer as Producer;
  }

  private admin(): Admin {
    const admin: Partial<Admin> = {
      connect: async () => void this.events.push('admin.connect'),
      disconnect: async () => void this.events.push('admin.disconnect'),
      fetchTopicMetadata: async (options?: { topics: string[] }) => {
        this.metadataCalls++;
        return {
          topics: (options?.topics ?? []).map((name) => {
            const count = this.partitionCounts[name];
            if (count === undefined) throw Object.assign(new Error('This server does not host this topic-partition'), { name: 'KafkaJSProtocolError', type: 'UNKNOWN_TOPIC_OR_PARTITION', retriable: true });
            return { name, partitions: Array.from({ length: count }, (_, partitionId) => ({ partitionId, leader: 1, replicas: [1], isr: [1], partitionErrorCode: 0, offlineReplicas: [] })) };
          }),
        };
      },
    };
    return admin as Admin;
  }

  private async sendBatch(batch: ProducerBatch): Promise<RecordMetadata[]> {
    this.batches.push(batch);
    this.events.push('producer.sendBatch');
    if (this.sendDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.sendDelayMs));
    const answer = this.behaviour?.(this.batches.length, batch);
    if (answer?.fail) throw answer.fail;
    const omitted = new Set((answer?.omit ?? []).map(([topic, partition]) => `${topic}[${partition}]`));
    const acks: RecordMetadata[] = [];
    for (const { topic, messages } of batch.topicMessages ?? []) {
      const byPartition = new Map<number, Message[]>();
      for (const message of messages) {
        if (message.partition === undefined) throw new Error('the fake broker expects every message to carry its partition');
        byPartition.set(message.partition, [...(byPartition.get(message.partition) ?? []), message]);
      }
      for (const [partition, records] of byPartition) {
        const name = `${topic}[${partition}]`;
        if (omitted.has(name)) continue;
        const log = this.log.get(name) ?? [];
        this.log.set(name, log);
        const baseOffset = log.length;
        for (const m of records) log.push({ key: String(m.key), value: m.value as Buffer, headers: m.headers ?? {}, offset: String(log.length) });
        acks.push({ topicName: topic, partition, errorCode: 0, baseOffset: String(baseOffset) });
      }
    }
    return acks;
  }
}
