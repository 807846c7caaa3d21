/**
 * Expected: records of 6 partitions processed by 3 concurrent partition workers with random
 * handler delays all arrive once, and each key's records are handled in produce order.
 */
import { RuntimeTestKit, eventually } from './runtime-test-kit';

describe('partition order under concurrency', () => {
  const kit = new RuntimeTestKit();
  afterAll(() => kit.cleanup());

  it('keeps per-key order across 6 partitions processed 3 at a time', async () => {
    const { topic } = await kit.topicWithDlq('order', 6);
    const keys = 30;
    const records = Array.from({ length: 3_000 }, (_, i) => ({ key: `k${i % keys}`, value: String(Math.floor(i / keys)) }));
    await kit.produce(topic, records);

    const lastSeq = new Map<string, number>();
    let violations = 0;
    let handled = 0;
    let inFlight = 0;
    let maxInFlight = 0;
    const consumer = kit.consumer('order', [
      {
        topic,
        eventType: '*',
        handler: async (value: Buffer, ctx) => {
          inFlight++;
          maxInFlight = Math.max(maxInFlight, inFlight);
          const key = ctx.key!.toString();
          const seq = Number(value.toString());
          if (seq !== (lastSeq.get(key) ?? -1) + 1) violations++;
          lastSeq.set(key, seq);
          if (Math.random() < 0.05) await new Promise((r) => setTimeout(r, Math.random() * 5));
          handled++;
          inFlight--;
        },
      },
    ], { concurrency: 3 });
    await consumer.start();
    await eventually('all records handled', () => handled >= 3_000, 60_000);

    expect(handled).toBe(3_000);
    expect(violations).toBe(0);
    expect([...lastSeq.values()].every((s) => s === 99)).toBe(true);
    // Several partitions really ran at once, and never more than the bound.
    expect(maxInFlight).toBeGreaterThan(1);
    expect(maxInFlight).toBeLessThanOrEqual(3);
  });
});
