import type { RecordHeaders } from '../kafka/consumed-record';
import type { AdminPort, ProducerPort } from '../kafka/kafka-client.port';
import { RuntimeError, RuntimeErrorCode } from '../errors/runtime.error';
import { deadLetterHeaders, type DeadLetterInfo } from './dead-letter-headers';

export interface DeadLetterRecord {
  readonly key: Buffer | null;
  readonly value: Buffer | null;
  readonly headers: RecordHeaders | undefined;
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
    private readonly producer: Pick<ProducerPort, 'send'>,
    private readonly admin: Pick<AdminPort, 'topicPartitions'>,
  ) {}

  partitionCount(topic: string): Promise<number> {
    let count = this.partitionCounts.get(topic);
    if (!count) {
      count = this.admin.topicPartitions([topic]).then((topics) => topics[0].partitions.length);
      count.catch(() => this.partitionCounts.delete(topic));
      this.partitionCounts.set(topic, count);
    }
    return count;
  }

  async write(deadLetterTopic: string, record: DeadLetterRecord, info: DeadLetterInfo): Promise<DeadLetterReceipt> {
    try {
      const partitions = await this.partitionCount(deadLetterTopic);
      const partition = info.sourcePartition < partitions ? info.sourcePartition : undefined;
      const headers: RecordHeaders = { ...(record.headers ?? {}), ...deadLetterHeaders(info) };
      const acks = await this.producer.send({
        topics: [{ topic: deadLetterTopic, messages: [{ key: record.key, value: record.value, headers, partition, timestamp: record.timestamp }] }],
      });
      // Only an acknowledgement naming our partition counts (a client may answer without it:
      // the kafkajs adapter reports such a partition as unanswered).
      const ack = acks.find((a) => a.topic === deadLetterTopic && (partition === undefined || a.partition === partition));
      if (!ack || ack.errorCode !== 0 || ack.baseOffset === undefined) {
        throw new Error(`no acknowledgement for ${deadLetterTopic}${partition === undefined ? '' : `[${partition}]`}`);
      }
      return { topic: deadLetterTopic, partition: ack.partition, offset: ack.baseOffset };
    } catch (error) {
      throw new RuntimeError(
        RuntimeErrorCode.DeadLetterWriteFailed,
        `writing to dead-letter topic ${deadLetterTopic} failed: ${describeWriteError(error, deadLetterTopic)}`,
        true,
        false,
        { cause: error },
      );
    }
  }
}

/**
 * A missing ACL is the one write failure an operator must act on (nothing passes by itself):
 * say which operation on which resource, and that the partition waits rather than skips.
 */
function describeWriteError(error: unknown, deadLetterTopic: string): string {
  // kafkajs puts the protocol error in `originalError` (retries exhausted) or `cause`.
  let type: unknown;
  for (let e = error as { type?: unknown; originalError?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 5 && type === undefined; depth++) {
    type = e.type;
    e = (e.originalError ?? e.cause) as typeof e;
  }
  if (type === 'TOPIC_AUTHORIZATION_FAILED') {
    return `not authorized (TOPIC_AUTHORIZATION_FAILED): this client's principal needs WRITE and DESCRIBE on topic ${deadLetterTopic} (eventline acls plan --execute); the partition waits and retries, nothing is committed past the record`;
  }
  if (type === 'CLUSTER_AUTHORIZATION_FAILED') {
    return 'not authorized (CLUSTER_AUTHORIZATION_FAILED): an idempotent producer needs IDEMPOTENT_WRITE on the cluster (eventline acls plan --execute); the partition waits and retries';
  }
  return error instanceof Error ? error.message : String(error);
}
