/**
 * Expected: in a key-order route, records redriven for another group are finished without a
 * handler like any finished record of their key: the group they do not name handles only
 * its own records, in key order, its committed watermark reaches the end with nothing left
 * above it, and a restarted member redoes nothing. The group they name handles them.
 */
import type { EventRoute } from '../src';
import { ProcessingMode, RedriveHeader, RuntimeEvent, SkipReason } from '../src';
import { decodeCompletedOffsets } from '../src/key-order/completed-offsets.codec';
import { RuntimeTestKit, eventually } from './runtime-test-kit';

describe('a record redriven for one group, in key order', () => {
  const kit = new RuntimeTestKit();
  afterAll(() => kit.cleanup());

  it('is handled by that group only, and the other commits its watermark past it', async () => {
    const { topic } = await kit.topicWithDlq('redrive-audience-ko', 1);
    const groupA = kit.topics.group('audience-ko-a');
    const groupB = kit.topics.group('audience-ko-b');
    const forB = { [RedriveHeader.ForGroup]: groupB };
    await kit.produce(topic, [
      { key: 'k1', value: 'k1-0' },
      { key: 'k1', value: 'k1-for-b', headers: forB },
      { key: 'k2', value: 'k2-0' },
      { key: 'k1', value: 'k1-1' },
      { key: 'k3', value: 'k3-for-b', headers: forB },
      { key: 'k2', value: 'k2-1' },
    ]);
    const routeInto = (handled: string[]): EventRoute<never>[] => [
      {
        topic,
        eventType: '*',
        mode: ProcessingMode.KeyOrder,
        handler: async (value: Buffer) => {
          // A real wait, so the keys actually interleave with the skipped records.
          await new Promise((resolve) => setImmediate(resolve));
          handled.push(value.toString());
        },
      },
    ];
    const commit = { maxUncommittedRecords: 1, maxUncommittedMs: 50 };
    const handledByA: string[] = [];
    const handledByB: string[] = [];
    const a = kit.consumer('unused', routeInto(handledByA), { groupId: groupA, commit });
    const b = kit.consumer('unused', routeInto(handledByB), { groupId: groupB, commit });
    const skippedByA: Array<{ offset: string; forGroup?: string }> = [];
    a.instrumentation.on(RuntimeEvent.RecordSkipped, (e) => e.reason === SkipReason.RedriveForOtherGroup && skippedByA.push({ offset: e.offset, forGroup: e.forGroup }));
    await Promise.all([a.start(), b.start()]);

    const admin = await kit.admin();
    const committedA = await eventually('group A committed a watermark at the end', async () => {
      const [o] = await admin.fetchOffsets({ groupId: groupA, topics: [topic] });
      return o.partitions[0].offset === '6' ? o.partitions[0] : undefined;
    });
    expect(decodeCompletedOffsets(6n, committedA.metadata).size).toBe(0);
    // Keys run concurrently, so the two skips may come in either order.
    expect(skippedByA.sort((x, y) => Number(BigInt(x.offset) - BigInt(y.offset)))).toEqual([
      { offset: '1', forGroup: groupB },
      { offset: '4', forGroup: groupB },
    ]);
    const byKey = (handled: string[], key: string) => handled.filter((v) => v.startsWith(`${key}-`));
    expect(byKey(handledByA, 'k1')).toEqual(['k1-0', 'k1-1']);
    expect(byKey(handledByA, 'k2')).toEqual(['k2-0', 'k2-1']);
    expect(byKey(handledByA, 'k3')).toEqual([]);
    await eventually('group B committed the end', async () => ((await kit.committed(groupB, topic)).get(0) === '6' ? true : undefined));
    expect(byKey(handledByB, 'k1')).toEqual(['k1-0', 'k1-for-b', 'k1-1']);
    expect(byKey(handledByB, 'k3')).toEqual(['k3-for-b']);

    await a.stop();
    await kit.produce(topic, [{ key: 'k3', value: 'k3-after-restart' }]);
    const handledByRestartedA: string[] = [];
    const restarted = kit.consumer('unused', routeInto(handledByRestartedA), { groupId: groupA, commit });
    const skippedAfterRestart: string[] = [];
    restarted.instrumentation.on(RuntimeEvent.RecordSkipped, (e) => skippedAfterRestart.push(e.offset));
    await restarted.start();
    await eventually('the restarted member committed the new record', async () => ((await kit.committed(groupA, topic)).get(0) === '7' ? true : undefined));
    expect(handledByRestartedA).toEqual(['k3-after-restart']);
    expect(skippedAfterRestart).toEqual([]);
  });
});
