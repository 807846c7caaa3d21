import { randomUUID } from 'node:crypto';
import type { Admin, Kafka, KafkaMessage } from 'kafkajs';

/** Throwaway reader groups are named with this prefix (the console's ACL declaration grants it). */
export const CONSOLE_READER_GROUP_PREFIX = 'eventline-console-';

/**
 * Reads offsets [from, to) of one partition, without any real consumer group: a fresh group
 * whose only member seeks to `from`, never commits, and is deleted afterwards (kafkajs cannot
 * fetch without a group). Done when a batch reaches `to - 1` (batch.lastOffset counts control
 * records and compaction gaps, so a range ending in one still finishes). Bounded by timeoutMs.
 */
export async function readPartitionRange(
  kafka: Kafka,
  admin: Admin,
  topic: string,
  partition: number,
  from: bigint,
  to: bigint,
  timeoutMs = 15_000,
): Promise<KafkaMessage[]> {
  if (from >= to) return [];
  const groupId = `${CONSOLE_READER_GROUP_PREFIX}${randomUUID()}`;
  const consumer = kafka.consumer({ groupId, allowAutoTopicCreation: false, maxWaitTimeInMs: 250, sessionTimeout: 30_000 });
  const messages: KafkaMessage[] = [];
  let next = from;
  let finish!: () => void;
  let fail!: (error: unknown) => void;
  const done = new Promise<void>((resolve, reject) => {
    finish = resolve;
    fail = reject;
  });
  const timer = setTimeout(() => fail(new Error(`reading ${topic} [${partition}] ${from}..${to} took longer than ${timeoutMs / 1000} s`)), timeoutMs);
  consumer.on(consumer.events.CRASH, (event) => fail(event.payload.error));
  try {
    await consumer.connect();
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      eachBatch: async ({ batch }) => {
        if (batch.partition !== partition) return;
        for (const m of batch.messages) {
          const offset = BigInt(m.offset);
          // Below `next`: a rejoin lost the seek (nothing committed, so kafkajs fell back to the
          // earliest) or redelivered; each offset is kept once.
          if (offset >= next && offset < to) {
            messages.push(m);
            next = offset + 1n;
          }
        }
        if (BigInt(batch.lastOffset()) >= to - 1n) finish();
      },
    });
    consumer.seek({ topic, partition, offset: from.toString() });
    await done;
    return messages;
  } finally {
    clearTimeout(timer);
    await consumer.disconnect().catch(() => undefined);
    // Already gone (it never committed) or Kafka away: nothing to undo.
    await admin.deleteGroups([groupId]).catch(() => undefined);
  }
}
