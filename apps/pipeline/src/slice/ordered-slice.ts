import type { Consumer, Kafka, Producer } from 'kafkajs';
import { KeyOrderChecker } from './key-order-checker';

export interface OrderedSliceOptions {
  readonly kafka: Kafka;
  readonly topic: string;
  readonly groupId: string;
  /** Consumer-group members to run in this process. */
  readonly members: number;
  /** Distinct keys; each key's records carry sequence numbers 0, 1, 2, … */
  readonly keys: number;
}

const SEQ_HEADER = 'seq';

/**
 * The first vertical slice: keyed records produced with an idempotent producer (acks=all)
 * and consumed by a consumer group whose members each own some partitions. Kafka keeps
 * order per partition and the key picks the partition, so per-key order must hold; the
 * checker verifies it.
 */
export class OrderedSlice {
  readonly checker = new KeyOrderChecker();
  private readonly nextSeq: number[];
  private producer?: Producer;
  private readonly consumers: Consumer[] = [];
  private produced = 0;
  private readonly consumedByMember: number[];

  constructor(private readonly options: OrderedSliceOptions) {
    this.nextSeq = new Array<number>(options.keys).fill(0);
    this.consumedByMember = new Array<number>(options.members).fill(0);
  }

  async startConsumers(): Promise<void> {
    const { kafka, topic, groupId, members } = this.options;
    for (let member = 0; member < members; member++) {
      const consumer = kafka.consumer({ groupId, sessionTimeout: 10_000, heartbeatInterval: 1_000 });
      await consumer.connect();
      await consumer.subscribe({ topic, fromBeginning: true });
      this.consumers.push(consumer);
    }
    await Promise.all(
      this.consumers.map((consumer, member) =>
        consumer.run({
          // kafkajs resolves an offset only after eachMessage returned, so its auto-commit
          // never runs ahead of processing.
          eachMessage: async ({ message }) => {
            const seq = Number(message.headers?.[SEQ_HEADER]?.toString());
            this.checker.record(message.key!.toString(), seq);
            this.consumedByMember[member]++;
          },
        }),
      ),
    );
  }

  /** Produces `count` records spread round-robin over the keys, in batches. */
  async produce(count: number, batchSize = 500): Promise<void> {
    if (!this.producer) {
      this.producer = this.options.kafka.producer({ idempotent: true, maxInFlightRequests: 5 });
      await this.producer.connect();
    }
    for (let sent = 0; sent < count; sent += batchSize) {
      const messages = [];
      for (let i = sent; i < Math.min(count, sent + batchSize); i++) {
        const key = (this.produced + i - sent) % this.options.keys;
        const seq = this.nextSeq[key]++;
        messages.push({ key: `key-${key}`, value: `record ${seq} of key-${key}`, headers: { [SEQ_HEADER]: String(seq) } });
      }
      await this.producer.send({ topic: this.options.topic, acks: -1, messages });
      this.produced += messages.length;
    }
  }

  get stats(): { produced: number; consumedByMember: number[] } & KeyOrderChecker['summary'] {
    return { produced: this.produced, consumedByMember: [...this.consumedByMember], ...this.checker.summary };
  }

  /** Resolves once `count` records were consumed, or rejects at the deadline. */
  async waitForConsumed(count: number, timeoutMs: number): Promise<void> {
    const until = Date.now() + timeoutMs;
    while (this.checker.summary.received < count) {
      if (Date.now() > until) throw new Error(`consumed ${this.checker.summary.received} of ${count} within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** Leaves the group (committing what was processed) and closes the producer. */
  async stop(): Promise<void> {
    await Promise.all(this.consumers.map((c) => c.disconnect()));
    this.consumers.length = 0;
    await this.producer?.disconnect();
    this.producer = undefined;
  }
}
