/**
 * Expected: `replay --for-group G` gives every copy eventline-redrive-for-group = G, replacing
 * the group a record was redriven for earlier, and says so in the dry run and the summary.
 * Without it, replay copies headers as they are: a record redriven for one group stays that
 * group's, and the others name no group.
 */
import { RedriveHeader, redriveForGroupHeaders } from '@eventline/runtime';
import { CliTestKit, header, runCli } from './cli-test-kit';

describe('replay --for-group', () => {
  const kit = new CliTestKit();
  afterAll(() => kit.cleanup());

  it('names the one group meant to process the copies', async () => {
    const source = await kit.topics.create('replay-for-group-src', 1);
    const forOne = await kit.topics.create('replay-for-group-dst', 1);
    const asIs = await kit.topics.create('replay-as-is-dst', 1);
    await kit.produce(source, [
      { key: 'k1', value: 'plain' },
      { key: 'k2', value: 'redriven-earlier', headers: redriveForGroupHeaders('fulfillment-worker') },
    ]);

    const dry = await runCli(['replay', source, '--to-topic', forOne, '--for-group', 'notifications-worker', '--dry-run', '--json']);
    expect(dry.code).toBe(0);
    expect(JSON.parse(dry.stdout)).toMatchObject({ dryRun: true, forGroup: 'notifications-worker' });
    const dryText = await runCli(['replay', source, '--to-topic', forOne, '--for-group', 'notifications-worker', '--dry-run']);
    expect(dryText.stdout).toMatch(/for group notifications-worker only/);

    const run = await runCli(['replay', source, '--to-topic', forOne, '--for-group', 'notifications-worker', '--json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ copied: 2, forGroup: 'notifications-worker' });
    expect((await kit.readAll(forOne)).map((m) => header(m.headers, RedriveHeader.ForGroup))).toEqual(['notifications-worker', 'notifications-worker']);

    const plain = await runCli(['replay', source, '--to-topic', asIs, '--json']);
    expect(JSON.parse(plain.stdout)).toMatchObject({ copied: 2, forGroup: null });
    expect((await kit.readAll(asIs)).map((m) => header(m.headers, RedriveHeader.ForGroup))).toEqual([undefined, 'fulfillment-worker']);
  });
});
