import type { CompressionTypes, Message, Producer, RecordMetadata, TopicMessages } from 'kafkajs';
import type { RecordHeaders } from '../consumed-record';
import { retryDelayMs, type RetryPolicy } from '../../retry/retry-policy';
import { partitionForKey } from '../../publisher/murmur2.partitioner';
import type { PartitionCounts } from './partition-counts';
import { PublishError, PublishErrorCode } from '../../publisher/publish.error';
import { classifySendError, isUnknownTopic } from '../../publisher/send-error.classifier';

/**
 * What the sender needs of a record. A keyed record goes where murmur2 puts its key unless it
 * names its partition (a copy that keeps the source's partition); a keyless one must name it.
 */
export type SendableRecord = {
  readonly topic: string;
  readonly value: Buffer | null;
  readonly headers?: RecordHeaders;
} & ({ readonly key: string | Buffer; readonly partition?: number } | { readonly key: null; readonly partition: number });

export interface AcknowledgedSendConfig<R extends SendableRecord, Receipt> {
  /** What a record acknowledged at (partition, offset) is reported as. */
  readonly receipt: (record: R, partition: number, offset: string) => Receipt;
  readonly compression: CompressionTypes;
  readonly ackTimeoutMs: number;
  readonly resend: RetryPolicy;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly random?: () => number;
}

/** A receipt or the error of each record, in the order they were given. */
export type SendOutcome<Receipt> = Receipt | PublishError;

/** Per send: how many attempts it took, for instrumentation and tests. */
export interface SendReport<Receipt> {
  readonly outcomes: Array<SendOutcome<Receipt>>;
  readonly attempts: number;
}

/**
 * Sends records with `sendBatch` and counts a record as published only when Kafka
 * acknowledged the very partition it went to.
 *
 * Why not trust a resolved `sendBatch`: kafkajs 2.2.4 keeps each broker's response across
 * its internal retries and only re-sends to brokers without one. When a leader dies
 * mid-send and its partition moves to a broker that already answered for other
 * partitions, that partition is never sent again, and `sendBatch` resolves without it and
 * without an error (tulios/kafkajs#1303; the three-node failover test lost 29 of 300
 * records this way). So every record is given its partition here (the Java-compatible
 * murmur2 partitioner over the topic's partition count, unless the record names its own) and the response is checked
 * partition by partition; the records of a partition that is missing, or that carries an
 * error code, are sent again under the resend policy.
 *
 * Each partition goes in its own `sendBatch` call (all calls at once), so a rejected call
 * names the one partition that failed. One call for every partition rejects as a whole when
 * a single leader is gone although the other brokers wrote theirs; resending those wrote
 * them twice (320 duplicate ids in one run of leader-failover-loses-nothing.int-spec.ts).
 * A rejected call can still be ambiguous (a timeout after the broker wrote): its records
 * are sent again, because losing them would be worse than writing them twice; duplicates
 * carry the same `ce_id`, which consumers deduplicate on.
 */
export class AcknowledgedSender<R extends SendableRecord, Receipt> {
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(
    private readonly producer: Pick<Producer, 'sendBatch'>,
    private readonly partitionCounts: PartitionCounts,
    private readonly config: AcknowledgedSendConfig<R, Receipt>,
  ) {
    this.sleep = config.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  async send(records: readonly R[]): Promise<SendReport<Receipt>> {
    const outcomes: Array<SendOutcome<Receipt>> = new Array(records.length);
    // Fixed at the first attempt: a resend must go to the partition its key's earlier events went to.
    const partitions: Array<number | undefined> = new Array(records.length);
    let pending = records.map((_, i) => i);
    let lastError: PublishError;
    let attempt = 0;

    for (;;) {
      attempt++;
      try {
        await this.assignPartitions(records, partitions, pending);
      } catch (error) {
        lastError = classifySendError(error, [...new Set(pending.map((i) => records[i].topic))]);
        for (const topic of new Set(pending.map((i) => records[i].topic))) this.partitionCounts.forget(topic);
        if (!lastError.retriable) break;
        if (attempt >= this.config.resend.maxAttempts) break;
        await this.sleep(retryDelayMs(this.config.resend, attempt + 1, this.config.random));
        continue;
      }
      // One sendBatch per partition, all at once: a rejected call then says exactly which
      // partition failed. A single call for all partitions rejects as a whole when one leader
      // is gone, although the other brokers wrote theirs, and resending those was writing
      // them twice (seen: 320 duplicates in leader-failover-loses-nothing.int-spec.ts).
      const results = await Promise.allSettled(
        groupByPartition(records, partitions, pending).map((group) =>
          this.producer.sendBatch({ acks: -1, timeout: this.config.ackTimeoutMs, compression: this.config.compression, topicMessages: topicMessages(records, partitions, group) }),
        ),
      );
      const acks: RecordMetadata[] = [];
      let rejected: unknown;
      for (const result of results) {
        if (result.status === 'fulfilled') acks.push(...result.value);
        else rejected ??= result.reason;
      }
      pending = this.settleAcknowledged(records, partitions, pending, acks, outcomes);
      if (pending.length === 0) return { outcomes, attempts: attempt };
      if (rejected !== undefined) {
        lastError = classifySendError(rejected, [...new Set(pending.map((i) => records[i].topic))]);
        // The partition counts may be what is wrong (a topic that grew); ask again next time.
        for (const topic of new Set(pending.map((i) => records[i].topic))) this.partitionCounts.forget(topic);
        if (!lastError.retriable) break;
      } else {
        lastError = notAcknowledged(records, partitions, pending, attempt);
      }
      if (attempt >= this.config.resend.maxAttempts) break;
      await this.sleep(retryDelayMs(this.config.resend, attempt + 1, this.config.random));
    }
    for (const i of pending) outcomes[i] = lastError;
    return { outcomes, attempts: attempt };
  }

  private async assignPartitions(records: readonly R[], partitions: Array<number | undefined>, pending: readonly number[]): Promise<void> {
    for (const i of pending) if (partitions[i] === undefined && records[i].partition !== undefined) partitions[i] = records[i].partition;
    const unassigned = pending.filter((i) => partitions[i] === undefined);
    if (unassigned.length === 0) return;
    const counts = new Map<string, number>();
    for (const topic of new Set(unassigned.map((i) => records[i].topic))) {
      try {
        counts.set(topic, await this.partitionCounts.of(topic));
      } catch (error) {
        if (isUnknownTopic(error)) {
          throw new PublishError(PublishErrorCode.UnknownTopic, `topic ${topic} does not exist; create it (Eventline never auto-creates topics)`, {
            cause: error,
          });
        }
        throw error;
      }
    }
    // Unassigned means keyed: a keyless record names its partition (SendableRecord).
    for (const i of unassigned) partitions[i] = partitionForKey(records[i].key as string | Buffer, counts.get(records[i].topic) as number);
  }

  /** Gives a receipt to every record whose partition was acknowledged; returns the rest, in order. */
  private settleAcknowledged(
    records: readonly R[],
    partitions: ReadonlyArray<number | undefined>,
    pending: readonly number[],
    acks: readonly RecordMetadata[],
    outcomes: Array<SendOutcome<Receipt>>,
  ): number[] {
    // Per topic, the next offset of each acknowledged partition (indexed by partition number).
    const nextOffset = new Map<string, Array<bigint | undefined>>();
    for (const ack of acks) {
      // errorCode 0 alone is the acknowledgement; kafkajs throws for most errors, but a
      // partition-level error that slips through must not count as written.
      if (ack.errorCode !== 0) continue;
      let byPartition = nextOffset.get(ack.topicName);
      if (!byPartition) nextOffset.set(ack.topicName, (byPartition = []));
      byPartition[ack.partition] = BigInt(ack.baseOffset ?? ack.offset ?? '-1');
    }
    const unacknowledged: number[] = [];
    for (const i of pending) {
      const record = records[i];
      const partition = partitions[i] as number;
      const byPartition = nextOffset.get(record.topic);
      const offset = byPartition?.[partition];
      if (byPartition === undefined || offset === undefined) {
        unacknowledged.push(i);
        continue;
      }
      // One record batch per partition per request: the records of a partition got consecutive offsets from baseOffset, in the order sent.
      byPartition[partition] = offset + 1n;
      outcomes[i] = this.config.receipt(record, partition, offset.toString());
    }
    return unacknowledged;
  }
}

/** The pending record indexes of each (topic, partition), in call order; one group per sendBatch. */
function groupByPartition(records: readonly SendableRecord[], partitions: ReadonlyArray<number | undefined>, pending: readonly number[]): number[][] {
  const byTopic = new Map<string, number[][]>();
  const groups: number[][] = [];
  for (const i of pending) {
    const topic = records[i].topic;
    const partition = partitions[i] as number;
    let byPartition = byTopic.get(topic);
    if (!byPartition) byTopic.set(topic, (byPartition = []));
    let group = byPartition[partition];
    if (!group) {
      group = byPartition[partition] = [];
      groups.push(group);
    }
    group.push(i);
  }
  return groups;
}

/** The records of one (topic, partition) group as kafkajs takes them: one record batch, in call order. */
function topicMessages(records: readonly SendableRecord[], partitions: ReadonlyArray<number | undefined>, group: readonly number[]): TopicMessages[] {
  const messages: Message[] = new Array(group.length);
  for (let j = 0; j < group.length; j++) {
    const record = records[group[j]];
    messages[j] = { key: record.key, value: record.value, headers: record.headers, partition: partitions[group[j]] };
  }
  return [{ topic: records[group[0]].topic, messages }];
}

function notAcknowledged(records: readonly SendableRecord[], partitions: ReadonlyArray<number | undefined>, pending: readonly number[], attempts: number): PublishError {
  const missing = [...new Set(pending.map((i) => `${records[i].topic}[${partitions[i]}]`))];
  return new PublishError(
    PublishErrorCode.NotAcknowledged,
    `Kafka did not acknowledge ${missing.join(', ')} after ${attempts} attempt${attempts === 1 ? '' : 's'}; the records were not counted as published`,
  );
}
