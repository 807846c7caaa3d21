/**
 * Expected: two groups read one source topic and share its DLQ, and each dead-letters a
 * different record. The dry run shows each dead letter for the group that failed it.
 * `dlq redrive --group B` sends only B's dead letter, named for B: B processes it once more,
 * A skips it — A's handler is not called again, A's committed offset moves past it (lag 0)
 * and A counts it as redrive-for-other-group. The default redrive then sends A's dead letter
 * for A alone, and B skips that one the same way.
 */
import { RedriveHeader } from '@eventline/runtime';
import { CliTestKit, header, runCli } from './cli-test-kit';
import { GroupConsumers, waitFor } from './group-consumers';

describe('dlq redrive with two groups on one source', () => {
  const kit = new CliTestKit();
  const groups = new GroupConsumers(kit);
  afterAll(async () => {
    await groups.stop();
    await kit.cleanup();
  });

  it('reaches only the group that failed each dead letter', async () => {
    const source = await kit.topics.create('redrive-groups', 2);
    const dlq = await kit.topics.createNamed(`${source}.dlq`, 2);
    await kit.topics.createNamed(`${dlq}.redriven`, 1, { configEntries: [{ name: 'cleanup.policy', value: 'compact' }] });
    await kit.produce(source, [
      { partition: 0, key: 'k1', value: 'ok-1' },
      { partition: 0, key: 'k2', value: 'bad-for-a' },
      { partition: 1, key: 'k3', value: 'bad-for-b' },
      { partition: 1, key: 'k4', value: 'ok-2' },
    ]);
    // Each group fails one record until the "fix" is deployed, then handles it.
    let fixed = false;
    const a = await groups.start('redrive-a', source, (v) => !fixed && v === 'bad-for-a');
    const b = await groups.start('redrive-b', source, (v) => !fixed && v === 'bad-for-b');
    await waitFor('both dead letters written and both groups caught up', async () =>
      (await kit.latestOffsets(dlq)).get(0) === '1' && (await kit.latestOffsets(dlq)).get(1) === '1' && (await groups.caughtUp(a.groupId, source)) && (await groups.caughtUp(b.groupId, source)),
    );
    fixed = true;

    const dry = await runCli(['dlq', 'redrive', dlq]);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(/dry run: would redrive 2 dead letter\(s\) from .* each for the group that dead-lettered it/);
    expect(dry.stdout).toMatch(new RegExp(`${source} +0 +${a.groupId} +1`));
    expect(dry.stdout).toMatch(new RegExp(`${source} +1 +${b.groupId} +1`));
    // dlq show names the group that failed each dead letter (not only in --json).
    const show = await runCli(['dlq', 'show', dlq, '--raw']);
    expect(show.stdout).toContain(`group ${a.groupId}`);
    expect(show.stdout).toContain(`group ${b.groupId}`);
    const dryJson = JSON.parse((await runCli(['dlq', 'redrive', dlq, '--json'])).stdout);
    expect(dryJson.byGroup).toEqual(expect.arrayContaining([{ forGroup: a.groupId, records: 1 }, { forGroup: b.groupId, records: 1 }]));

    const onlyB = await runCli(['dlq', 'redrive', dlq, '--group', b.groupId, '--execute', '--json']);
    expect(onlyB.code).toBe(0);
    expect(JSON.parse(onlyB.stdout)).toMatchObject({ group: b.groupId, sent: 1, filteredOut: 1, destinations: [{ topic: source, partition: 1, forGroup: b.groupId, records: 1 }] });
    await waitFor('B handled its dead letter again and A committed past it', async () =>
      b.handled.includes('bad-for-b') && a.skippedForOtherGroup.length === 1 && (await groups.caughtUp(a.groupId, source)) && (await groups.caughtUp(b.groupId, source)),
    );
    expect(a.skippedForOtherGroup).toEqual(['1:2']);
    expect(a.calls.filter((v) => v === 'bad-for-b')).toHaveLength(1);
    expect(b.calls.filter((v) => v === 'bad-for-b')).toHaveLength(2);
    const redriven = (await kit.readAll(source)).find((m) => m.partition === 1 && m.offset === '2');
    expect(header(redriven?.headers, RedriveHeader.ForGroup)).toBe(b.groupId);

    const rest = await runCli(['dlq', 'redrive', dlq, '--execute', '--json']);
    expect(JSON.parse(rest.stdout)).toMatchObject({ group: null, allGroups: false, sent: 1, destinations: [{ topic: source, partition: 0, forGroup: a.groupId, records: 1 }] });
    await waitFor('A handled its dead letter again and B committed past it', async () =>
      a.handled.includes('bad-for-a') && b.skippedForOtherGroup.length === 1 && (await groups.caughtUp(a.groupId, source)) && (await groups.caughtUp(b.groupId, source)),
    );
    expect(b.skippedForOtherGroup).toEqual(['0:2']);
    expect(b.calls.filter((v) => v === 'bad-for-a')).toHaveLength(1);
    expect(a.handled.filter((v) => v === 'bad-for-b')).toHaveLength(1);
  });
});
