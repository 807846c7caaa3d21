/**
 * Expected: a record that keeps failing on one partition (long backoff) does not hold up the
 * other partitions: they are processed to the end while it waits, and the consumer never
 * crashes or restarts.
 */
import { RuntimeEvent } from '../src';
import { RuntimeTestKit, eventually } from './runtime-test-kit';

describe('failure isolation between partitions', () => {
  const kit = new RuntimeTestKit();
  afterAll(() => kit.cleanup());

  it('keeps the other partitions flowing while one retries', async () => {
    const { topic } = await kit.topicWithDlq('isolation', 4);
    const records = Array.from({ length: 400 }, (_, i) => ({ key: `k${i}`, value: String(i), partition: i % 4 }));
    records.unshift({ key: 'stuck', value: 'stuck', partition: 0 });
    await kit.produce(topic, records);

    const handledPerPartition = [0, 0, 0, 0];
    let stuckAttempts = 0;
    const consumer = kit.consumer('isolation', [
      {
        topic,
        eventType: '*',
        retry: { maxAttempts: 3, initialDelayMs: 3_000, maxDelayMs: 3_000, jitter: 0 },
        handler: async (value: Buffer, ctx) => {
          if (value.toString() === 'stuck') {
            stuckAttempts++;
            throw new Error('not yet');
          }
          handledPerPartition[ctx.partition]++;
        },
      },
    ], { concurrency: 2 });
    let crashes = 0;
    consumer.instrumentation.on(RuntimeEvent.ConsumerCrashed, () => crashes++);
    await consumer.start();

    await eventually('partitions 1-3 fully handled', () => handledPerPartition.slice(1).every((n) => n === 100), 15_000);
    // Within the first backoff (3 s) the stuck record has been tried once and partition 0 waits.
    expect(stuckAttempts).toBe(1);
    expect(handledPerPartition[0]).toBe(0);

    await eventually('partition 0 drained after the dead letter', () => handledPerPartition[0] === 100, 20_000);
    expect(stuckAttempts).toBe(3);
    expect(crashes).toBe(0);
  });
});
