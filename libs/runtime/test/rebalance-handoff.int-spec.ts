/**
 * Expected: when a second member joins mid-stream, every partition changes hands cleanly:
 * once the new owner has started on a partition the old one handles nothing more of it,
 * nothing is lost, and each member sees each partition's offsets in increasing order.
 */
import { RuntimeEvent } from '../src';
import { RuntimeTestKit, eventually } from './runtime-test-kit';

interface Handling {
  member: 'A' | 'B';
  partition: number;
  offset: bigint;
  startedAt: number;
}

describe('a rebalance in the middle of processing', () => {
  const kit = new RuntimeTestKit();
  afterAll(() => kit.cleanup());

  it('hands partitions over without overlap or loss (1,200 records, 4 partitions)', async () => {
    const { topic } = await kit.topicWithDlq('handoff', 4);
    await kit.produce(topic, Array.from({ length: 1_200 }, (_, i) => ({ key: `k${i}`, value: String(i), partition: i % 4 })));
    const group = kit.topics.group('handoff');
    const log: Handling[] = [];
    const route = (member: 'A' | 'B') => ({
      topic,
      eventType: '*',
      handler: async (_v: Buffer, ctx: { partition: number; offset: string }) => {
        log.push({ member, partition: ctx.partition, offset: BigInt(ctx.offset), startedAt: performance.now() });
        await new Promise((r) => setTimeout(r, 20));
      },
    });
    const a = kit.consumer('unused', [route('A')], { groupId: group, concurrency: 4 });
    const b = kit.consumer('unused', [route('B')], { groupId: group, concurrency: 4 });
    let rebalances = 0;
    a.instrumentation.on(RuntimeEvent.Rebalance, () => rebalances++);
    await a.start();
    await eventually('A under way', () => log.length >= 40);
    await b.start();
    await eventually('B took over some partitions', () => log.some((h) => h.member === 'B'), 30_000);

    const distinct = () => new Set(log.map((h) => `${h.partition}:${h.offset}`)).size;
    await eventually('all 1,200 records handled', () => distinct() === 1_200, 60_000);

    expect(rebalances).toBeGreaterThanOrEqual(1);
    for (let p = 0; p < 4; p++) {
      const firstB = log.find((h) => h.member === 'B' && h.partition === p);
      if (firstB) {
        const lateA = log.filter((h) => h.member === 'A' && h.partition === p && h.startedAt > firstB.startedAt);
        expect(lateA).toEqual([]);
      }
      for (const member of ['A', 'B'] as const) {
        // Within one member, a partition's offsets only go up (redelivery after a handoff is the other member's).
        const offsets = log.filter((h) => h.member === member && h.partition === p).map((h) => h.offset);
        expect(offsets).toEqual([...offsets].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0)));
      }
    }
  });
});
