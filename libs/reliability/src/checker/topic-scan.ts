import type { Kafka } from 'kafkajs';
import { uniqueName } from '@eventline/testing';
import { readStamp } from './event-stamp';
import type { TopicIndex } from './analyse-run';

/**
 * Reads a topic from the beginning to the end offsets seen at the start of the scan and
 * indexes every stamped record by id. A throwaway group (deleted afterwards) so the scan
 * never moves the offsets of the group under test.
 */
export async function scanTopic(kafka: Kafka, topic: string, timeoutMs = 60_000): Promise<TopicIndex> {
  const admin = kafka.admin();
  await admin.connect();
  const index = new Map<string, Array<{ partition: number; offset: string }>>();
  const groupId = uniqueName('reliability-scan');
  try {
    const ends = await admin.fetchTopicOffsets(topic);
    const remaining = new Map(ends.filter((p) => BigInt(p.high) > BigInt(p.low)).map((p) => [p.partition, BigInt(p.high)]));
    if (remaining.size === 0) return index;
    const reader = kafka.consumer({ groupId, maxWaitTimeInMs: 200 });
    await reader.connect();
    try {
      await reader.subscribe({ topic, fromBeginning: true });
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`scan of ${topic} incomplete after ${timeoutMs} ms: ${[...remaining.keys()].join(', ')} unfinished`)), timeoutMs);
        reader
          .run({
            eachMessage: async ({ partition, message }) => {
              const stamp = readStamp(message.key, message.headers);
              if (stamp) {
                const at = index.get(stamp.id) ?? [];
                at.push({ partition, offset: message.offset });
                index.set(stamp.id, at);
              }
              const end = remaining.get(partition);
              // Transaction markers and compaction leave holes: the end is reached at high − 1 or beyond.
              if (end !== undefined && BigInt(message.offset) + 1n >= end) remaining.delete(partition);
              if (remaining.size === 0) {
                clearTimeout(timer);
                resolve();
              }
            },
          })
          .catch(reject);
      });
    } finally {
      await reader.disconnect();
    }
    await admin.deleteGroups([groupId]).catch(() => undefined);
    return index;
  } finally {
    await admin.disconnect();
  }
}
