import type { Kafka, Message } from 'kafkajs';

/** Records per produce request for every backlog and every producing peer: the shared batching. */
export const SEND_BATCH = 1_000;

/**
 * Writes `count` records with an idempotent producer, acks=all, `SEND_BATCH` records per
 * request, one request in flight (kafkajs's idempotent producer keeps sequence numbers per
 * partition and concurrent sends of one producer may reorder them). Returns records/s.
 */
export async function produceBacklog(kafka: Kafka, topic: string, count: number, message: (i: number) => Message): Promise<number> {
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
  await producer.connect();
  const started = performance.now();
  try {
    for (let from = 0; from < count; from += SEND_BATCH) {
      const messages: Message[] = [];
      for (let i = from; i < Math.min(count, from + SEND_BATCH); i++) messages.push(message(i));
      await producer.send({ topic, acks: -1, messages });
    }
  } finally {
    await producer.disconnect();
  }
  return count / ((performance.now() - started) / 1_000);
}
