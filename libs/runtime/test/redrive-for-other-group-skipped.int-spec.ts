/**
 * Expected: two groups read one topic (partition order). A record whose
 * eventline-redrive-for-group header names one group is handled by that group alone: the
 * other never calls its handler for it, counts it as
 * eventline_records_skipped_total{reason="redrive-for-other-group"}, commits past it (its lag
 * goes back to 0) and, being committed, does not see it again after a restart. Records that
 * name no group reach both groups as before.
 */
import type { EventRoute } from '../src';
import { RedriveHeader, RuntimeEvent, RuntimeMetrics, SkipReason } from '../src';
import { RuntimeTestKit, eventually } from './runtime-test-kit';

describe('a record redriven for one group, in partition order', () => {
  const kit = new RuntimeTestKit();
  afterAll(() => kit.cleanup());

  it('is handled by that group only, and committed past by the other, also across its restart', async () => {
    const { topic } = await kit.topicWithDlq('redrive-audience', 1);
    const groupA = kit.topics.group('audience-a');
    const groupB = kit.topics.group('audience-b');
    await kit.produce(topic, [
      { key: 'o-1', value: 'plain-1' },
      { key: 'o-2', value: 'for-b', headers: { [RedriveHeader.ForGroup]: groupB } },
      { key: 'o-3', value: 'for-a', headers: { [RedriveHeader.ForGroup]: groupA } },
      { key: 'o-2', value: 'plain-2' },
    ]);
    const routeInto = (handled: string[]): EventRoute<never>[] => [{ topic, eventType: '*', handler: (value: Buffer) => void handled.push(value.toString()) }];
    const commit = { maxUncommittedRecords: 1, maxUncommittedMs: 50 };
    const handledByA: string[] = [];
    const handledByB: string[] = [];
    const a = kit.consumer('unused', routeInto(handledByA), { groupId: groupA, commit });
    const b = kit.consumer('unused', routeInto(handledByB), { groupId: groupB, commit });
    const metricsA = new RuntimeMetrics();
    const metricsB = new RuntimeMetrics();
    metricsA.attach(a.instrumentation);
    metricsB.attach(b.instrumentation);
    await Promise.all([a.start(), b.start()]);

    await eventually('both groups committed the whole partition', async () =>
      (await kit.committed(groupA, topic)).get(0) === '4' && (await kit.committed(groupB, topic)).get(0) === '4' ? true : undefined,
    );
    expect(handledByA).toEqual(['plain-1', 'for-a', 'plain-2']);
    expect(handledByB).toEqual(['plain-1', 'for-b', 'plain-2']);
    const lagOf = async (metrics: RuntimeMetrics, group: string) =>
      (await metrics.registry.metrics()).match(new RegExp(`eventline_consumer_lag\\{group="${group}",topic="${topic}",partition="0"\\} (\\d+)`))?.[1];
    await eventually('lag 0 in both groups', async () => ((await lagOf(metricsA, groupA)) === '0' && (await lagOf(metricsB, groupB)) === '0' ? true : undefined));
    const skipsOf = async (metrics: RuntimeMetrics, group: string) =>
      (await metrics.registry.metrics()).match(new RegExp(`eventline_records_skipped_total\\{group="${group}",topic="${topic}",reason="${SkipReason.RedriveForOtherGroup}"\\} (\\d+)`))?.[1];
    expect(await skipsOf(metricsA, groupA)).toBe('1');
    expect(await skipsOf(metricsB, groupB)).toBe('1');

    // A restarts: it starts from its commit, which is past the skipped record.
    await a.stop();
    await kit.produce(topic, [{ key: 'o-9', value: 'after-restart' }]);
    const handledByRestartedA: string[] = [];
    const restarted = kit.consumer('unused', routeInto(handledByRestartedA), { groupId: groupA, commit });
    const skippedAfterRestart: string[] = [];
    restarted.instrumentation.on(RuntimeEvent.RecordSkipped, (e) => skippedAfterRestart.push(e.offset));
    await restarted.start();
    await eventually('the restarted member committed the new record', async () => ((await kit.committed(groupA, topic)).get(0) === '5' ? true : undefined));
    // One partition, in order: once the record after the skipped one is handled, nothing before it is pending.
    expect(handledByRestartedA).toEqual(['after-restart']);
    expect(skippedAfterRestart).toEqual([]);
    expect(handledByA.filter((v) => v === 'for-b')).toEqual([]);
  });
});
