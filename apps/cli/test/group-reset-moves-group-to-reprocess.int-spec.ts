/**
 * Expected: for a stopped group that consumed everything, `groups reset --to-earliest`
 * without --execute prints current → new and changes nothing; with --execute the committed
 * offsets move, and the group, started again, reprocesses the records.
 */
import { CliTestKit, runCli } from './cli-test-kit';

describe('groups reset', () => {
  const kit = new CliTestKit();
  afterAll(() => kit.cleanup());

  async function consumeAll(topic: string, groupId: string, expected: number): Promise<string[]> {
    const consumer = kit.kafka.consumer({ groupId });
    const seen: string[] = [];
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    await new Promise<void>((resolve) => {
      consumer.run({
        eachMessage: async ({ message }) => {
          seen.push(message.value?.toString() ?? '');
          if (seen.length >= expected) resolve();
        },
      });
    });
    await consumer.disconnect();
    return seen;
  }

  async function committed(groupId: string, topic: string): Promise<string[]> {
    const admin = await kit.topics.admin();
    const [offsets] = await admin.fetchOffsets({ groupId, topics: [topic] });
    return offsets.partitions.sort((a, b) => a.partition - b.partition).map((p) => p.offset);
  }

  it('changes nothing on a dry run and moves the group with --execute', async () => {
    const topic = await kit.topics.create('reset', 2);
    const groupId = kit.topics.group('reset-group');
    await kit.produce(topic, Array.from({ length: 10 }, (_, i) => ({ partition: i % 2, key: `k${i}`, value: `v${i}` })));
    expect(await consumeAll(topic, groupId, 10)).toHaveLength(10);
    expect(await committed(groupId, topic)).toEqual(['5', '5']);

    const dry = await runCli(['groups', 'reset', groupId, '--topic', topic, '--shift-by', '-3']);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(/dry run: would reset/);
    expect(dry.stdout).toMatch(new RegExp(`${topic}\\s+0\\s+0\\s+5\\s+5\\s+→\\s+2`));
    expect(await committed(groupId, topic)).toEqual(['5', '5']);

    const run = await runCli(['groups', 'reset', groupId, '--topic', `${topic}:1`, '--to-earliest', '--execute', '--json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).partitions).toEqual([expect.objectContaining({ partition: 1, current: '5', next: '0' })]);
    expect(await committed(groupId, topic)).toEqual(['5', '0']);

    const reprocessed = await consumeAll(topic, groupId, 5);
    expect(reprocessed.sort()).toEqual(['v1', 'v3', 'v5', 'v7', 'v9']);
  });
});
