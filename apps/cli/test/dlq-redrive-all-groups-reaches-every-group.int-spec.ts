/**
 * Expected: by default, a dead letter that recorded no consumer group is not redriven (there
 * is no group to name), and one that did goes out for that group. With `--all-groups` both
 * are sent without eventline-redrive-for-group — also the one that still carried it from an
 * earlier redrive — and every group reading the source processes them.
 */
import { deadLetterHeaders, RedriveHeader, redriveForGroupHeaders } from '@eventline/runtime';
import { RedriveSkip } from '@eventline/ops';
import { REDRIVE_SKIP_TEXT } from '../src/dlq/redrive-report';
import { CliTestKit, header, runCli } from './cli-test-kit';
import { GroupConsumers, waitFor } from './group-consumers';

describe('dlq redrive --all-groups', () => {
  const kit = new CliTestKit();
  const groups = new GroupConsumers(kit);
  afterAll(async () => {
    await groups.stop();
    await kit.cleanup();
  });

  it('reaches every group reading the source', async () => {
    const source = await kit.topics.create('redrive-all', 1);
    const dlq = await kit.topics.createNamed(`${source}.dlq`, 1);
    await kit.topics.createNamed(`${dlq}.redriven`, 1, { configEntries: [{ name: 'cleanup.policy', value: 'compact' }] });
    const a = await groups.start('redrive-all-a', source);
    const b = await groups.start('redrive-all-b', source);
    const dead = (value: string, consumerGroup: string, extra: Record<string, string> = {}) => ({
      key: value,
      value,
      headers: {
        ...extra,
        ...deadLetterHeaders({
          sourceTopic: source,
          sourcePartition: 0,
          sourceOffset: '0',
          sourceTimestamp: String(Date.now()),
          consumerGroup,
          attempts: 1,
          errorClass: 'Error',
          errorCode: 'HANDLER_FAILED',
          errorMessage: 'boom',
          failedAt: new Date().toISOString(),
        }),
      },
    });
    // B's dead letter of a record an earlier redrive had already sent for B alone.
    await kit.produce(dlq, [dead('failed-in-b', b.groupId, redriveForGroupHeaders(b.groupId)), dead('no-group-recorded', '')]);

    const dry = JSON.parse((await runCli(['dlq', 'redrive', dlq, '--json'])).stdout);
    expect(dry).toMatchObject({ executed: false, wouldSend: 1, byGroup: [{ forGroup: b.groupId, records: 1 }], skipped: [{ reason: REDRIVE_SKIP_TEXT[RedriveSkip.NoRecordedGroup], records: 1 }] });

    const run = await runCli(['dlq', 'redrive', dlq, '--all-groups', '--execute', '--json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ allGroups: true, sent: 2, byGroup: [{ forGroup: null, records: 2 }] });
    await waitFor('both groups handled both records', () =>
      ['failed-in-b', 'no-group-recorded'].every((v) => a.handled.includes(v) && b.handled.includes(v)),
    );
    expect(a.skippedForOtherGroup).toEqual([]);
    expect(b.skippedForOtherGroup).toEqual([]);
    const back = await kit.readAll(source);
    expect(back.map((m) => header(m.headers, RedriveHeader.ForGroup))).toEqual([undefined, undefined]);
  });
});
