import type { Kafka, KafkaMessage } from 'kafkajs';

export type ReadRecord = KafkaMessage & { readonly partition: number };

/**
 * Every record of `topic` up to the end offsets as of now, read by a throwaway consumer
 * group; per partition in offset order.
 */
export async function readTopic(kafka: Kafka, topic: string, groupId: string, timeoutMs = 30_000): Promise<ReadRecord[]> {
  const admin = kafka.admin();
  await admin.connect();
  const ends = await admin.fetchTopicOffsets(topic).finally(() => admin.disconnect());
  const total = ends.reduce((sum, p) => sum + (BigInt(p.high) - BigInt(p.low)), 0n);
  const records: ReadRecord[] = [];
  if (total === 0n) return records;
  const consumer = kafka.consumer({ groupId, sessionTimeout: 10_000, heartbeatInterval: 1_000 });
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`read ${records.length} of ${total} records of ${topic} in ${timeoutMs} ms`)), timeoutMs);
      consumer
        .run({
          eachMessage: async ({ partition, message }) => {
            records.push({ ...message, partition });
            if (BigInt(records.length) >= total) {
              clearTimeout(timer);
              resolve();
            }
          },
        })
        .catch(reject);
    });
  } finally {
    await consumer.disconnect();
  }
  return records;
}

export async function endOffsets(kafka: Kafka, topic: string): Promise<Array<{ partition: number; high: string }>> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    return (await admin.fetchTopicOffsets(topic)).map(({ partition, high }) => ({ partition, high })).sort((a, b) => a.partition - b.partition);
  } finally {
    await admin.disconnect();
  }
}
