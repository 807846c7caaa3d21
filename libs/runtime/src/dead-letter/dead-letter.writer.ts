import type { Admin, IHeaders, Producer } from 'kafkajs';
import { RuntimeError, RuntimeErrorCode } from '../errors/runtime.error';
import { deadLetterHeaders, type DeadLetterInfo } from './dead-letter-headers';

export interface DeadLetterRecord {
  readonly key: Buffer | null;
  readonly value: Buffer | null;
  readonly headers: IHeaders | undefined;
  readonly timestamp: string;
}

export interface DeadLetterReceipt {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
}

/**
 * Writes a failed record to its dead-letter topic and resolves only once Kafka acknowledged
 * that very partition. Same partition number as the source when the DLQ has enough
 * partitions, so the DLQ keeps the source's per-partition order; else Kafka's key hashing.
 */
export class DeadLetterWriter {
  private readonly partitionCounts = new Map<string, Promise<number>>();

  constructor(
    private readonly producer: Producer,
    private readonly admin: Admin,
  ) {}

  partitionCount(topic: string): Promise<number> {
    let count = this.partitionCounts.get(topic);
    if (!count) {
      count = this.admin.fetchTopicMetadata({ topics: [topic] }).then((m) => m.topics[0].partitions.length);
      count.catch(() => this.partitionCounts.delete(topic));
      this.partitionCounts.set(topic, count);
    }
    return count;
  }

  async write(deadLetterTopic: string, record: DeadLetterRecord, info: DeadLetterInfo): Promise<DeadLetterReceipt> {
    try {
      const partitions = await this.partitionCount(deadLetterTopic);
      const partition = info.sourcePartition < partitions ? info.sourcePartition : undefined;
      const headers: IHeaders = { ...(record.headers ?? {}), ...deadLetterHeaders(info) };
      const acks = await this.producer.send({
        topic: deadLetterTopic,
        acks: -1,
        messages: [{ key: record.key, value: record.value, headers, partition, timestamp: record.timestamp }],
      });
      // kafkajs can resolve a send without the partition it was for (tulios/kafkajs#1303):
      // only an acknowledgement naming our partition counts.
      const ack = acks.find((a) => a.topicName === deadLetterTopic && (partition === undefined || a.partition === partition));
      if (!ack || ack.errorCode !== 0 || ack.baseOffset === undefined) {
        throw new Error(`no acknowledgement for ${deadLetterTopic}${partition === undefined ? '' : `[${partition}]`}`);
      }
      return { topic: deadLetterTopic, partition: ack.partition, offset: ack.baseOffset };
    } catch (error) {
      throw new RuntimeError(
        RuntimeErrorCode.DeadLetterWriteFailed,
        `writing to dead-letter topic ${deadLetterTopic} failed: ${error instanceof Error ? error.message : String(error)}`,
        true,
        false,
        { cause: error },
      );
    }
  }
}
