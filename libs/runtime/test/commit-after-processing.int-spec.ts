/**
 * Expected: while a record's handler has not finished, the committed offset of its partition
 * never passes it, even with commits due after every record; once it finishes the commit
 * moves on. A graceful stop commits every finished record even when no commit was due.
 */
import { RuntimeTestKit, eventually } from './runtime-test-kit';

describe('commits follow finished processing', () => {
  const kit = new RuntimeTestKit();
  afterAll(() => kit.cleanup());

  it('never commits past a record whose handler is still running', async () => {
    const { topic } = await kit.topicWithDlq('commit-hold', 1);
    await kit.produce(topic, Array.from({ length: 10 }, (_, i) => ({ key: 'k', value: String(i) })));
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const handled: number[] = [];
    const consumer = kit.consumer('commit-hold', [
      {
        topic,
        eventType: '*',
        handler: async (value: Buffer) => {
          const n = Number(value.toString());
          if (n === 5) await held;
          handled.push(n);
        },
      },
    ], { commit: { maxUncommittedRecords: 1, maxUncommittedMs: 10 } });
    await consumer.start();
    await eventually('records 0-4 committed', async () => ((await kit.committed(consumer.groupId, topic)).get(0) === '5' ? true : undefined));

    // The handler of offset 5 is blocked: sample the commit for a while, it must stay at 5.
    const samples: string[] = [];
    for (let i = 0; i < 10; i++) {
      samples.push((await kit.committed(consumer.groupId, topic)).get(0)!);
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(new Set(samples)).toEqual(new Set(['5']));
    expect(handled).toEqual([0, 1, 2, 3, 4]);

    release();
    await eventually('all committed', async () => ((await kit.committed(consumer.groupId, topic)).get(0) === '10' ? true : undefined));
    expect(handled).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('commits every finished record on a graceful stop', async () => {
    const { topic } = await kit.topicWithDlq('commit-stop', 3);
    await kit.produce(topic, Array.from({ length: 300 }, (_, i) => ({ key: `k${i % 10}`, value: String(i) })));
    let handled = 0;
    const consumer = kit.consumer('commit-stop', [{ topic, eventType: '*', handler: () => void handled++ }], {
      // Never due on its own: only the stop commits.
      commit: { maxUncommittedRecords: 1_000_000, maxUncommittedMs: 3_600_000 },
    });
    await consumer.start();
    await eventually('all handled', () => handled === 300);
    expect([...(await kit.committed(consumer.groupId, topic)).values()]).toEqual(['-1', '-1', '-1']);
    await consumer.stop();
    const committed = await kit.committed(consumer.groupId, topic);
    const ends = await (await kit.admin()).fetchTopicOffsets(topic);
    for (const end of ends) expect(committed.get(end.partition)).toBe(end.high);
  });
});
