import type { CompressionTypes, IHeaders, Producer, RecordMetadata } from 'kafkajs';
import { RuntimeEvent, type RuntimeInstrumentation } from '../instrumentation/runtime-events';
import { KeyPartitioner } from './key-partitioner';
import { PublishError, PublishErrorCode } from './publish.error';

export interface OutgoingRecord {
  readonly topic: string;
  readonly key: string;
  readonly value: Buffer;
  readonly headers: IHeaders;
}

export interface SendReceipt {
  readonly topic: string;
  readonly partition: number;
  /** kafkajs's string form; never a JS number. */
  readonly offset: string;
}

export interface SendBatcherOptions {
  /** How long the first record of a batch waits for company. */
  readonly lingerMs: number;
  readonly maxBatchRecords: number;
  /** Sends of a batch (the first included) before its unacknowledged records fail. */
  readonly maxAttempts: number;
  readonly compression?: CompressionTypes;
  readonly instrumentation: RuntimeInstrumentation;
}

interface Pending {
  readonly record: OutgoingRecord;
  partition: number;
  readonly resolve: (receipt: SendReceipt) => void;
  readonly reject: (error: PublishError) => void;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Coalesces records into shared produce requests and settles each caller's promise only
 * when Kafka acknowledged that record's partition.
 *
 * - One batch is in flight at a time, so records of one key (one partition) reach Kafka in
 *   the order they were enqueued, resends included.
 * - kafkajs 2.2.4 may resolve a send without a partition whose leader just died, and without
 *   writing it (tulios/kafkajs#1303). Partitions are chosen here, so every partition of a
 *   batch is checked in the response and the missing ones are sent again.
 * - A send that throws is repeated whole; partitions that were written before the throw are
 *   then written twice (same ce_id: consumers deduplicate). At-least-once, never a false ack.
 */
export class SendBatcher {
  private queue: Pending[] = [];
  private timer?: NodeJS.Timeout;
  private draining?: Promise<void>;
  private readonly partitioner = new KeyPartitioner();

  constructor(
    private readonly producer: Producer,
    private readonly partitionCount: (topic: string) => Promise<number>,
    private readonly forgetPartitionCount: (topic: string) => void,
    private readonly options: SendBatcherOptions,
  ) {}

  enqueue(record: OutgoingRecord): Promise<SendReceipt> {
    return new Promise<SendReceipt>((resolve, reject) => {
      this.queue.push({ record, partition: -1, resolve, reject });
      if (this.queue.length >= this.options.maxBatchRecords) this.startDrain();
      else this.timer ??= setTimeout(() => this.startDrain(), this.options.lingerMs);
    });
  }

  /** Resolves once every record enqueued so far was acknowledged or failed. */
  async flush(): Promise<void> {
    while (this.queue.length > 0 || this.draining) {
      this.startDrain();
      await this.draining;
    }
  }

  private startDrain(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.draining ??= this.drain().finally(() => {
      this.draining = undefined;
      if (this.queue.length > 0) this.startDrain();
    });
  }

  private async drain(): Promise<void> {
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, this.options.maxBatchRecords);
      await this.sendGuarded(batch);
    }
  }

  private async assignPartitions(batch: Pending[]): Promise<void> {
    const counts = new Map<string, number>();
    for (const p of batch) {
      let count = counts.get(p.record.topic);
      if (count === undefined) {
        count = await this.partitionCount(p.record.topic);
        counts.set(p.record.topic, count);
      }
      p.partition = this.partitioner.partitionOf(p.record.topic, p.record.key, count);
    }
  }

  private async sendGuarded(batch: Pending[]): Promise<void> {
    let pending = batch;
    let lastError: unknown;
    for (let attempt = 1; attempt <= this.options.maxAttempts && pending.length > 0; attempt++) {
      if (attempt > 1) await sleep(Math.min(2_000, 100 * 2 ** (attempt - 2)));
      const started = performance.now();
      let acks: RecordMetadata[];
      try {
        await this.assignPartitions(pending);
        acks = await this.producer.sendBatch({ acks: -1, compression: this.options.compression, topicMessages: this.topicMessages(pending) });
      } catch (error) {
        lastError = error;
        for (const topic of new Set(pending.map((p) => p.record.topic))) this.forgetPartitionCount(topic);
        continue;
      }
      pending = this.settleAcknowledged(pending, acks, performance.now() - started);
      if (pending.length > 0) lastError = new Error(`no acknowledgement for ${[...new Set(pending.map((p) => `${p.record.topic}[${p.partition}]`))].join(', ')}`);
    }
    if (pending.length === 0) return;
    const broker = !(lastError instanceof Error) || !lastError.message.startsWith('no acknowledgement');
    const error = new PublishError(
      broker ? PublishErrorCode.BrokerUnavailable : PublishErrorCode.NotAcknowledged,
      `Kafka did not acknowledge ${pending.length} record(s) after ${this.options.maxAttempts} attempts: ${lastError instanceof Error ? lastError.message : String(lastError)}`,
      { cause: lastError },
    );
    for (const topic of new Set(pending.map((p) => p.record.topic))) {
      const count = pending.filter((p) => p.record.topic === topic).length;
      this.options.instrumentation.emit(RuntimeEvent.PublishFailed, { topic, count, errorCode: error.code, retriable: true });
    }
    for (const p of pending) p.reject(error);
  }

  private topicMessages(pending: Pending[]) {
    const byTopic = new Map<string, Array<{ key: string; value: Buffer; headers: IHeaders; partition: number }>>();
    for (const p of pending) {
      let messages = byTopic.get(p.record.topic);
      if (!messages) byTopic.set(p.record.topic, (messages = []));
      messages.push({ key: p.record.key, value: p.record.value, headers: p.record.headers, partition: p.partition });
    }
    return [...byTopic].map(([topic, messages]) => ({ topic, messages }));
  }

  /** Resolves the records whose partition was acknowledged; returns the others. */
  private settleAcknowledged(pending: Pending[], acks: RecordMetadata[], durationMs: number): Pending[] {
    const baseOffsets = new Map<string, bigint>();
    for (const ack of acks) if (ack.errorCode === 0 && ack.baseOffset !== undefined) baseOffsets.set(`${ack.topicName}\u0000${ack.partition}`, BigInt(ack.baseOffset));
    const nextIndex = new Map<string, bigint>();
    const left: Pending[] = [];
    const published = new Map<string, number>();
    for (const p of pending) {
      const key = `${p.record.topic}\u0000${p.partition}`;
      const base = baseOffsets.get(key);
      if (base === undefined) {
        left.push(p);
        continue;
      }
      // Records of one partition are written in request order from the base offset.
      const index = nextIndex.get(key) ?? 0n;
      nextIndex.set(key, index + 1n);
      p.resolve({ topic: p.record.topic, partition: p.partition, offset: (base + index).toString() });
      published.set(p.record.topic, (published.get(p.record.topic) ?? 0) + 1);
    }
    for (const [topic, count] of published) this.options.instrumentation.emit(RuntimeEvent.Published, { topic, count, durationMs });
    return left;
  }
}
