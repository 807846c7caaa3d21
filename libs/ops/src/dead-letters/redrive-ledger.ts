import type { Admin, Kafka } from 'kafkajs';
import { readTopic } from '../read/topic-reader';
import { fetchWatermarks } from '../topics/topic-offsets';
import type { RecordWriter } from '../write/record-writer';

/**
 * Which dead letters were already redriven, kept in a compacted topic `<dlq>.redriven` keyed
 * by `<dlq partition>:<dlq offset>`.
 *
 * Why a ledger topic and not a scan of the destination for provenance headers (what replay
 * does): a redrive writes into a live source topic, which is large, retention-bound and
 * written by the services themselves — scanning it would cost as much as the topic and
 * would forget a redrive once retention deleted it, so the next redrive would resend. The
 * ledger holds one small record per redriven dead letter, compaction keeps exactly one per
 * key for good, and it can be read in full in a moment.
 *
 * An entry is written only after Kafka acknowledged the redriven record. A crash between the
 * two resends that record on the next redrive: at-least-once, like every other path in
 * Eventline, and consumers deduplicate on the CloudEvents id the record still carries.
 */
export class RedriveLedger {
  private readonly done = new Set<string>();

  private constructor(readonly topic: string) {}

  static topicFor(dlqTopic: string): string {
    return `${dlqTopic}.redriven`;
  }

  static async load(kafka: Kafka, admin: Admin, dlqTopic: string): Promise<RedriveLedger> {
    const ledger = new RedriveLedger(RedriveLedger.topicFor(dlqTopic));
    if (!(await admin.listTopics()).includes(ledger.topic)) return ledger;
    const ranges = (await fetchWatermarks(admin, ledger.topic)).map((w) => ({ partition: w.partition, from: w.low, to: w.high }));
    await readTopic(kafka, ledger.topic, ranges, async ({ messages }) => {
      for (const m of messages) if (m.key && m.value !== null) ledger.done.add(m.key.toString());
    });
    return ledger;
  }

  static key(dlqPartition: number, dlqOffset: string): string {
    return `${dlqPartition}:${dlqOffset}`;
  }

  has(dlqPartition: number, dlqOffset: string): boolean {
    return this.done.has(RedriveLedger.key(dlqPartition, dlqOffset));
  }

  /** Creates the compacted topic on first use; a single partition keeps the ledger trivially ordered. */
  async ensureTopic(admin: Admin): Promise<void> {
    if ((await admin.listTopics()).includes(this.topic)) return;
    await admin.createTopics({
      waitForLeaders: true,
      topics: [{ topic: this.topic, numPartitions: 1, configEntries: [{ name: 'cleanup.policy', value: 'compact' }] }],
    });
  }

  async record(writer: RecordWriter, entries: ReadonlyArray<{ dlqPartition: number; dlqOffset: string; redriveId: string; to: string; at: string }>): Promise<void> {
    if (entries.length === 0) return;
    await writer.send(
      this.topic,
      entries.map((e) => ({
        partition: 0,
        key: RedriveLedger.key(e.dlqPartition, e.dlqOffset),
        value: Buffer.from(JSON.stringify({ redriveId: e.redriveId, to: e.to, at: e.at })),
      })),
    );
    for (const e of entries) this.done.add(RedriveLedger.key(e.dlqPartition, e.dlqOffset));
  }
}
