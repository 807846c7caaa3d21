import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { Kafka, logLevel, type Admin, type Consumer, type KafkaMessage, type Producer } from 'kafkajs';
import { kafkaJsConnection, type KafkaConnectionSettings } from '@eventline/connection';
import { RegistryErrorCode } from '../registry/registry-error-code';
import { SchemaStoreError } from './schema-store.error';

export interface KafkaSchemaLogOptions {
  readonly kafka: KafkaConnectionSettings;
  readonly topic: string;
  readonly writeTimeoutMs: number;
}

/** Called for every record in log order; returns what applying it did (see RegistryState). */
export type RecordHandler<T> = (message: KafkaMessage) => T;

interface Waiter<T> {
  readonly resolve: (outcome: T | undefined) => void;
  readonly reject: (error: Error) => void;
  readonly timer: NodeJS.Timeout;
}

/** Every instance's reader group starts with this (the ACL plan grants the prefix). */
const READER_GROUP_PREFIX = 'schema-registry-';

/** How many applied offsets remember their outcome, for a writer whose ack arrives late. */
const OUTCOME_MEMORY = 10_000n;

/**
 * The single-partition compacted topic, read from the start by this instance's own consumer.
 * Writes are acknowledged by all in-sync replicas through an idempotent producer, and
 * `append` resolves only once this instance's reader has applied the record: the answer a
 * client gets is always one the instance's state already reflects.
 *
 * The consumer uses a fresh group id per process and never commits: every start reads the
 * whole topic, which is the only way to rebuild the state (Confluent's reader does the same).
 */
export class KafkaSchemaLog<T> {
  private readonly kafka: Kafka;
  private readonly groupId = `${READER_GROUP_PREFIX}${hostname()}-${process.pid}-${randomBytes(4).toString('hex')}`;
  private admin?: Admin;
  private producer?: Producer;
  private consumer?: Consumer;
  /** Offset of the last record applied; -1 before the first. */
  private applied = -1n;
  private readonly outcomes = new Map<bigint, T>();
  private readonly waiters = new Map<bigint, Waiter<T>[]>();
  private failure?: Error;

  constructor(
    private readonly options: KafkaSchemaLogOptions,
    private readonly onRecord: RecordHandler<T>,
  ) {
    this.kafka = new Kafka({ ...kafkaJsConnection(options.kafka), clientId: 'eventline-schema-registry', logLevel: logLevel.ERROR });
  }

  get healthy(): boolean {
    return this.consumer !== undefined && this.failure === undefined;
  }

  async start(noopKey: string): Promise<void> {
    this.admin = this.kafka.admin();
    await this.admin.connect();
    await this.ensureTopic(this.admin);
    await this.deleteAbandonedGroups(this.admin);
    this.producer = this.kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
    await this.producer.connect();
    // A fetch returns as soon as records arrive; the wait only bounds how long disconnect()
    // waits for an idle fetch at shutdown.
    const consumer = this.kafka.consumer({ groupId: this.groupId, allowAutoTopicCreation: false, maxWaitTimeInMs: 1_000 });
    consumer.on(consumer.events.CRASH, ({ payload }) => {
      // kafkajs restarts the consumer itself after retriable errors; anything else is final.
      if (!payload.restart) this.fail(new SchemaStoreError(RegistryErrorCode.StoreError, `schema log reader stopped: ${payload.error.message}`, { cause: payload.error }));
    });
    await consumer.connect();
    await consumer.subscribe({ topic: this.options.topic, fromBeginning: true });
    await consumer.run({ autoCommit: false, eachMessage: async ({ message }) => this.consume(message) });
    this.consumer = consumer;
    // Reading "to the end" means: until a marker written now comes back. The high watermark
    // alone is not enough, since offsets may have gaps after compaction.
    await this.append(noopKey, null);
  }

  /** Produces one record and resolves with what this instance's state did with it. */
  async append(key: string, value: string | null): Promise<T | undefined> {
    if (this.failure) throw this.failure;
    if (!this.producer) throw new SchemaStoreError(RegistryErrorCode.StoreError, 'schema log is not started');
    let offset: bigint;
    try {
      const [ack] = await this.producer.send({ topic: this.options.topic, acks: -1, messages: [{ key, value }] });
      offset = BigInt(ack.baseOffset ?? ack.offset ?? '-1');
    } catch (error) {
      throw new SchemaStoreError(RegistryErrorCode.StoreError, `could not write to ${this.options.topic}: ${(error as Error).message}`, { cause: error });
    }
    return this.waitFor(offset);
  }

  private waitFor(offset: bigint): Promise<T | undefined> {
    if (this.applied >= offset) return Promise.resolve(this.outcomes.get(offset));
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.removeWaiter(offset, waiter);
        reject(new SchemaStoreError(RegistryErrorCode.OperationTimeout, `write at offset ${offset} was not read back within ${this.options.writeTimeoutMs} ms`));
      }, this.options.writeTimeoutMs);
      const waiter: Waiter<T> = { resolve, reject, timer };
      this.waiters.set(offset, [...(this.waiters.get(offset) ?? []), waiter]);
    });
  }

  private consume(message: KafkaMessage): void {
    const offset = BigInt(message.offset);
    const outcome = this.onRecord(message);
    this.applied = offset;
    this.outcomes.set(offset, outcome);
    this.outcomes.delete(offset - OUTCOME_MEMORY);
    for (const [waitedFor, waiters] of this.waiters) {
      if (waitedFor > offset) continue;
      this.waiters.delete(waitedFor);
      for (const waiter of waiters) {
        clearTimeout(waiter.timer);
        waiter.resolve(this.outcomes.get(waitedFor));
      }
    }
  }

  private removeWaiter(offset: bigint, waiter: Waiter<T>): void {
    const rest = (this.waiters.get(offset) ?? []).filter((w) => w !== waiter);
    if (rest.length > 0) this.waiters.set(offset, rest);
    else this.waiters.delete(offset);
  }

  private fail(error: Error): void {
    this.failure = error;
    for (const waiters of this.waiters.values()) {
      for (const waiter of waiters) {
        clearTimeout(waiter.timer);
        waiter.reject(error);
      }
    }
    this.waiters.clear();
  }

  /**
   * One partition, because the log's order is what serializes writers; compacted, because only
   * the latest record per key matters; replicated up to three times, as far as the cluster allows.
   */
  private async ensureTopic(admin: Admin): Promise<void> {
    const { topic } = this.options;
    const existing = await admin.listTopics();
    if (!existing.includes(topic)) {
      const brokers = (await admin.describeCluster()).brokers.length;
      try {
        // kafkajs's own waitForLeaders gives up on UNKNOWN_TOPIC_OR_PARTITION, which a broker
        // answers for a moment after creating a topic (seen with Kafka 4.4.0): waited for below.
        await admin.createTopics({
          waitForLeaders: false,
          topics: [
            {
              topic,
              numPartitions: 1,
              replicationFactor: Math.min(3, brokers),
              configEntries: [{ name: 'cleanup.policy', value: 'compact' }],
            },
          ],
        });
      } catch (error) {
        // Another instance may have created it a moment ago; the check below decides.
        if (!(await admin.listTopics()).includes(topic)) throw error;
      }
    }
    const partitions = await this.partitionsOnceLed(admin, topic);
    if (partitions !== 1) {
      throw new SchemaStoreError(
        RegistryErrorCode.StoreError,
        `topic ${topic} has ${partitions} partitions; the schema registry needs exactly 1 (its order serializes writes). Use another SCHEMA_REGISTRY_TOPIC or recreate it.`,
      );
    }
  }

  /** The topic's partition count once every partition has a leader (bounded: 30 s). */
  private async partitionsOnceLed(admin: Admin, topic: string): Promise<number> {
    const until = Date.now() + 30_000;
    for (;;) {
      try {
        const metadata = await admin.fetchTopicMetadata({ topics: [topic] });
        const partitions = metadata.topics[0]?.partitions ?? [];
        if (partitions.length > 0 && partitions.every((p) => p.leader >= 0)) return partitions.length;
      } catch (error) {
        if ((error as { type?: string }).type !== 'UNKNOWN_TOPIC_OR_PARTITION' && (error as { type?: string }).type !== 'LEADER_NOT_AVAILABLE') throw error;
      }
      if (Date.now() > until) throw new SchemaStoreError(RegistryErrorCode.StoreError, `topic ${topic} has no leader after 30 s; check the Kafka cluster`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /**
   * Readers of instances that died without stopping (kill -9, OOM) leave an empty group
   * behind, one per start. A group of this prefix with no member belongs to no running
   * instance (a running one is a member of its own), so removing it takes nothing from anyone.
   * Best effort: without DESCRIBE/DELETE on the prefix the groups simply stay.
   */
  private async deleteAbandonedGroups(admin: Admin): Promise<void> {
    try {
      const { groups } = await admin.listGroups();
      const candidates = groups.map((g) => g.groupId).filter((id) => id.startsWith(READER_GROUP_PREFIX) && id !== this.groupId);
      if (candidates.length === 0) return;
      const described = await admin.describeGroups(candidates);
      const abandoned = described.groups.filter((g) => g.state === 'Empty' && g.members.length === 0).map((g) => g.groupId);
      if (abandoned.length > 0) await admin.deleteGroups(abandoned);
    } catch {
      // Not this instance's to fail over: the registry works the same with the old groups listed.
    }
  }

  async stop(): Promise<void> {
    this.fail(new SchemaStoreError(RegistryErrorCode.StoreError, 'schema registry is shutting down'));
    await this.consumer?.disconnect().catch(() => undefined);
    await this.producer?.disconnect().catch(() => undefined);
    if (this.admin) {
      // The group never committed anything; removing it keeps the broker's group list clean.
      await this.admin.deleteGroups([this.groupId]).catch(() => undefined);
      await this.admin.disconnect().catch(() => undefined);
    }
    this.consumer = this.producer = this.admin = undefined;
  }
}
