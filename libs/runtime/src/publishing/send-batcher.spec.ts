import type { Producer, ProducerBatch, RecordMetadata } from 'kafkajs';
import { RuntimeInstrumentation } from '../instrumentation/runtime-events';
import { PublishErrorCode } from './publish.error';
import { SendBatcher } from './send-batcher';

/** A producer that acknowledges like a broker would, except where the test says otherwise. */
class FakeProducer {
  readonly batches: ProducerBatch[] = [];
  private readonly next = new Map<string, number>();
  /** Partitions to leave out of the next N responses (as kafkajs#1303 does). */
  drop = new Map<number, number>();
  throwNext = 0;

  sendBatch = async (batch: ProducerBatch): Promise<RecordMetadata[]> => {
    this.batches.push(batch);
    if (this.throwNext > 0) {
      this.throwNext--;
      throw new Error('Connection error: connect ECONNREFUSED');
    }
    const acks: RecordMetadata[] = [];
    for (const { topic, messages } of batch.topicMessages!) {
      for (const partition of new Set(messages.map((m) => m.partition!))) {
        const left = this.drop.get(partition) ?? 0;
        if (left > 0) {
          this.drop.set(partition, left - 1);
          continue;
        }
        const key = `${topic}:${partition}`;
        const base = this.next.get(key) ?? 0;
        this.next.set(key, base + messages.filter((m) => m.partition === partition).length);
        acks.push({ topicName: topic, partition, errorCode: 0, baseOffset: String(base) });
      }
    }
    return acks;
  };
}

function batcher(producer: FakeProducer, maxAttempts = 3) {
  return new SendBatcher(producer as unknown as Producer, async () => 4, () => undefined, {
    lingerMs: 5,
    maxBatchRecords: 100,
    maxAttempts,
    instrumentation: new RuntimeInstrumentation(),
  });
}

const record = (key: string, n: number) => ({ topic: 't', key, value: Buffer.from(String(n)), headers: {} });

describe('SendBatcher', () => {
  it('coalesces concurrent records into one produce request and gives each its offset', async () => {
    const producer = new FakeProducer();
    const b = batcher(producer);
    const receipts = await Promise.all(Array.from({ length: 10 }, (_, i) => b.enqueue(record('same-key', i))));
    expect(producer.batches).toHaveLength(1);
    expect(receipts.map((r) => r.offset)).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
    expect(new Set(receipts.map((r) => r.partition)).size).toBe(1);
  });

  it('resends the records of a partition missing from the response, in order, and only resolves them after', async () => {
    const producer = new FakeProducer();
    const b = batcher(producer);
    const keys = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
    const first = b.enqueue(record('a', 0));
    const partitionOfA = (await Promise.race([first, new Promise<never>((_, r) => setTimeout(() => r(new Error('slow')), 1_000))])).partition;
    producer.drop.set(partitionOfA, 1);
    const receipts = await Promise.all(keys.map((k, i) => b.enqueue(record(k, i + 1))));
    const resent = producer.batches.at(-1)!.topicMessages![0].messages;
    expect(producer.batches).toHaveLength(3);
    expect(resent.every((m) => m.partition === partitionOfA)).toBe(true);
    expect(receipts.find((_, i) => keys[i] === 'a')!.offset).toBe('1');
  });

  it('fails the records of a partition that is never acknowledged, after the bounded attempts', async () => {
    const producer = new FakeProducer();
    const b = batcher(producer, 3);
    const first = await b.enqueue(record('x', 0));
    producer.drop.set(first.partition, 100);
    await expect(b.enqueue(record('x', 1))).rejects.toMatchObject({ code: PublishErrorCode.NotAcknowledged, retriable: true });
    expect(producer.batches).toHaveLength(1 + 3);
  });

  it('repeats a send that threw (a dead broker) and resolves when a later attempt is acknowledged', async () => {
    const producer = new FakeProducer();
    producer.throwNext = 2;
    const b = batcher(producer, 4);
    await expect(b.enqueue(record('y', 0))).resolves.toMatchObject({ offset: '0' });
    expect(producer.batches).toHaveLength(3);
  });

  it('gives up with a retriable broker error when every attempt threw', async () => {
    const producer = new FakeProducer();
    producer.throwNext = 10;
    await expect(batcher(producer, 2).enqueue(record('z', 0))).rejects.toMatchObject({ code: PublishErrorCode.BrokerUnavailable, retriable: true });
  });
});
