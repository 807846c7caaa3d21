import type { Kafka, Message } from 'kafkajs';
import { deadLetterMessage, type DeadLetterSet } from './s9-dead-letter-set';

/**
 * Producers writing at once, each owning partitions p ≡ k (mod PRODUCERS): each partition is
 * written by one idempotent producer, in index order, so record i lands at offset ⌊i / partitions⌋.
 */
const PRODUCERS = 3;
/** Records per produce request: ~600 per partition, ~0.5 MB per partition batch, under the broker's 1 MB message.max.bytes. */
const RECORDS_PER_SEND = 1_200;

/** Writes the whole set (acks=all), returns records/s. Not a figure of S9: only how long its setup took. */
export async function fillDeadLetters(kafka: Kafka, set: DeadLetterSet): Promise<number> {
  const started = performance.now();
  await Promise.all(Array.from({ length: Math.min(PRODUCERS, set.partitions) }, (_, k) => fillShare(kafka, set, k)));
  return set.count / ((performance.now() - started) / 1_000);
}

async function fillShare(kafka: Kafka, set: DeadLetterSet, k: number): Promise<void> {
  const producers = Math.min(PRODUCERS, set.partitions);
  const mine = (i: number) => i % set.partitions % producers === k;
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
  await producer.connect();
  try {
    let batch: Message[] = [];
    for (let i = 0; i < set.count; i++) {
      if (!mine(i)) continue;
      batch.push(deadLetterMessage(set, i));
      if (batch.length === RECORDS_PER_SEND) {
        await producer.send({ topic: set.topic, acks: -1, messages: batch });
        batch = [];
      }
    }
    if (batch.length > 0) await producer.send({ topic: set.topic, acks: -1, messages: batch });
  } finally {
    await producer.disconnect();
  }
}
