/**
 * Expected: however large the backlog, the records in memory at once are bounded by the
 * fetch limits: no batch handed to a strategy exceeds maxBytesPerPartition, and the batches
 * of one fetch stay within maxBytes. Kafka answers in whole producer record batches and
 * always returns the first one even when it is larger (KIP-74), so the bound is
 * max(maxBytesPerPartition, one producer batch); this backlog is produced in sends of 20
 * records (~20 KB batches) to keep that granularity below the bound.
 */
import { RuntimeEvent } from '../src';
import { RuntimeTestKit, eventually } from './runtime-test-kit';

describe('backpressure', () => {
  const kit = new RuntimeTestKit();
  afterAll(() => kit.cleanup());

  it('keeps every batch within the per-partition byte bound under a 10 MB backlog', async () => {
    const { topic } = await kit.topicWithDlq('backpressure', 2);
    const value = 'x'.repeat(1_000);
    const producer = kit.kafka.producer({ idempotent: true });
    await producer.connect();
    for (let i = 0; i < 10_000; i += 20) {
      await producer.send({ topic, acks: -1, messages: Array.from({ length: 20 }, (_, j) => ({ key: `k${(i + j) % 100}`, value, partition: ((i + j) % 2) })) });
    }
    await producer.disconnect();

    const perPartitionBytes = 64 * 1024;
    const batchSizes: number[] = [];
    let handled = 0;
    let inFlight = 0;
    let maxInFlight = 0;
    const consumer = kit.consumer(
      'backpressure',
      [
        {
          topic,
          eventType: '*',
          handler: () => {
            handled++;
          },
        },
      ],
      { maxBytesPerPartition: perPartitionBytes, maxBytes: 2 * perPartitionBytes, concurrency: 2 },
    );
    consumer.instrumentation.on(RuntimeEvent.BatchStart, (e) => {
      batchSizes.push(e.size);
      inFlight += e.size;
      maxInFlight = Math.max(maxInFlight, inFlight);
    });
    consumer.instrumentation.on(RuntimeEvent.BatchEnd, (e) => {
      inFlight -= e.processed;
    });
    await consumer.start();
    await eventually('all 10,000 handled', () => handled >= 10_000, 60_000);

    // ~1,070 bytes per record on the wire (value, key, headers, record overhead).
    const recordsPerBound = Math.ceil(perPartitionBytes / 1_000) + 1;
    expect(Math.max(...batchSizes)).toBeLessThanOrEqual(recordsPerBound);
    expect(batchSizes.length).toBeGreaterThan(10_000 / recordsPerBound);
    expect(maxInFlight).toBeLessThanOrEqual(2 * recordsPerBound);
  });
});
