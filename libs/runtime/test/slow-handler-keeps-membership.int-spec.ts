/**
 * Expected: a handler that runs longer than the session timeout does not cost the member its
 * place in the group: the runtime heartbeats while it runs, so there is no rebalance and the
 * record is handled once and committed.
 */
import { RuntimeEvent } from '../src';
import { RuntimeTestKit, eventually } from './runtime-test-kit';

describe('a handler slower than the session timeout', () => {
  const kit = new RuntimeTestKit();
  afterAll(() => kit.cleanup());

  it('keeps the membership through heartbeats and is handled once', async () => {
    const { topic } = await kit.topicWithDlq('slow', 1);
    await kit.produce(topic, [{ key: 'k', value: 'slow' }, { key: 'k', value: 'next' }]);
    const handled: string[] = [];
    const consumer = kit.consumer(
      'slow',
      [
        {
          topic,
          eventType: '*',
          handler: async (value: Buffer) => {
            if (value.toString() === 'slow') await new Promise((r) => setTimeout(r, 9_000));
            handled.push(value.toString());
          },
        },
      ],
      { sessionTimeoutMs: 6_000, heartbeatIntervalMs: 1_000 },
    );
    let rebalances = 0;
    consumer.instrumentation.on(RuntimeEvent.Rebalance, () => rebalances++);
    await consumer.start();
    await eventually('both handled', () => handled.length >= 2, 30_000);
    await eventually('committed', async () => ((await kit.committed(consumer.groupId, topic)).get(0) === '2' ? true : undefined));
    expect(handled).toEqual(['slow', 'next']);
    expect(rebalances).toBe(0);
  }, 60_000);
});
