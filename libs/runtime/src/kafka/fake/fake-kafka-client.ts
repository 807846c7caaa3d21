import type { BatchControls, ConsumedBatch, ConsumedRecord, PartitionAssignment } from '../consumed-record';
import type {
  AdminPort,
  CommittedOffset,
  ConsumerPort,
  ConsumerRunOptions,
  EventSenderPort,
  GroupListener,
  KafkaClient,
  PartitionAck,
  ProducerPort,
  ProduceRequest,
} from '../kafka-client.port';

/** A record the fake consumer hands out: offset and value are enough; key and headers optional. */
export interface FakeRecord {
  readonly offset: string;
  readonly value?: string;
  readonly key?: string;
  readonly headers?: Record<string, string>;
}

/** What one delivered batch did with its controls. */
export interface DeliveredBatch {
  readonly resolved: string[];
  readonly paused: boolean;
  readonly done: Promise<void>;
}

/**
 * The Kafka client port in memory, for unit specs of the consumer loop: the spec plays the
 * group coordinator (`assign`, `revoke`) and the fetcher (`deliver`), and reads what the
 * consumer committed and dead-lettered. Nothing is fetched by itself; nothing waits on a clock.
 */
export class FakeKafkaClient implements KafkaClient {
  readonly commits: CommittedOffset[][] = [];
  readonly produced: ProduceRequest[] = [];
  /** The group's committed offsets as the admin port reports them (topic → partition → offset, metadata). */
  readonly committed = new Map<string, Map<number, { offset: string; metadata: string | null }>>();
  private listener?: GroupListener;
  private run?: ConsumerRunOptions;
  private rebalancing = false;
  private running = true;

  constructor(private readonly topics: Readonly<Record<string, number>>) {}

  consumer(): ConsumerPort {
    return {
      connect: async () => undefined,
      subscribe: async () => undefined,
      listen: (listener) => {
        this.listener = listener;
        return () => (this.listener = undefined);
      },
      run: async (options) => {
        this.run = options;
      },
      commit: async (offsets) => {
        this.commits.push(offsets.map((o) => ({ ...o })));
        for (const o of offsets) {
          let byPartition = this.committed.get(o.topic);
          if (!byPartition) this.committed.set(o.topic, (byPartition = new Map()));
          byPartition.set(o.partition, { offset: o.offset, metadata: o.metadata ?? null });
        }
      },
      disconnect: async () => {
        this.running = false;
      },
    };
  }

  producer(): ProducerPort {
    return {
      connect: async () => undefined,
      disconnect: async () => undefined,
      send: async (request): Promise<PartitionAck[]> => {
        this.produced.push(request);
        return request.topics.flatMap(({ topic, messages }) => messages.map((m, i) => ({ topic, partition: m.partition ?? 0, errorCode: 0, baseOffset: String(i) })));
      },
    };
  }

  admin(): AdminPort {
    return {
      connect: async () => undefined,
      disconnect: async () => undefined,
      listTopics: async () => Object.keys(this.topics),
      topicPartitions: async (names) => names.map((name) => ({ name, partitions: Array.from({ length: this.topics[name] ?? 0 }, (_, partitionId) => ({ partitionId, leader: 1, replicas: [1] })) })),
      topicConfigs: async () => new Map(),
      createTopics: async () => undefined,
      committedOffsets: async (_groupId, topic) =>
        Array.from({ length: this.topics[topic] ?? 0 }, (_, partition) => ({ partition, ...(this.committed.get(topic)?.get(partition) ?? { offset: '-1', metadata: null }) })),
    };
  }

  eventSender(): EventSenderPort {
    throw new Error('FakeKafkaClient has no event sender; publisher specs use the fake kafkajs (kafka/kafkajs/testing)');
  }

  supportsCompression(): boolean {
    return true;
  }

  /** The coordinator assigns partitions (a new generation). */
  assign(assignment: PartitionAssignment): void {
    this.rebalancing = false;
    this.listener?.assigned({ memberId: 'fake-member', assignment });
  }

  /** The coordinator starts a rebalance: every partition revoked; heartbeats fail until the next assignment. */
  revoke(): void {
    this.rebalancing = true;
    this.listener?.revoked({ memberId: 'fake-member' });
  }

  /** One fetched batch of a partition, handed to the consumer as the client would. */
  deliver(topic: string, partition: number, records: readonly FakeRecord[], highWatermark?: string): DeliveredBatch {
    if (!this.run) throw new Error('the consumer is not running yet');
    const messages: ConsumedRecord[] = records.map((r) => ({
      offset: r.offset,
      key: r.key === undefined ? null : Buffer.from(r.key),
      value: r.value === undefined ? null : Buffer.from(r.value),
      headers: r.headers ?? {},
      timestamp: '0',
    }));
    const last = messages.length > 0 ? messages[messages.length - 1].offset : '-1';
    const batch: ConsumedBatch = {
      topic,
      partition,
      highWatermark: highWatermark ?? String(BigInt(last) + 1n),
      messages,
      firstOffset: () => messages[0]?.offset ?? null,
      lastOffset: () => last,
    };
    const resolved: string[] = [];
    const delivered = { resolved, paused: false, done: Promise.resolve() };
    const controls: BatchControls = {
      resolveOffset: (offset) => void resolved.push(offset),
      heartbeat: async () => {
        if (this.rebalancing) throw Object.assign(new Error('The group is rebalancing, so a rejoin is needed'), { type: 'REBALANCE_IN_PROGRESS' });
      },
      pause: () => {
        delivered.paused = true;
        return () => (delivered.paused = false);
      },
      isRunning: () => this.running,
      isStale: () => false,
    };
    delivered.done = this.run.eachBatch(batch, controls);
    return delivered;
  }
}
