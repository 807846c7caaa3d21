/**
 * Expected: `groups reset` on a group with a running member exits 3 naming the member's
 * client id, and the committed offsets stay where they were.
 */
import { CliTestKit, runCli } from './cli-test-kit';

describe('groups reset on a live group', () => {
  const kit = new CliTestKit();
  afterAll(() => kit.cleanup());

  it('is refused, naming the active member', async () => {
    const topic = await kit.topics.create('reset-live', 1);
    const groupId = kit.topics.group('reset-live-group');
    await kit.produce(topic, [{ key: 'k', value: 'v' }]);
    const consumer = kit.kafka.consumer({ groupId, sessionTimeout: 10_000, heartbeatInterval: 500 });
    const seen = new Promise<void>((resolve) => {
      void consumer.connect().then(async () => {
        await consumer.subscribe({ topic, fromBeginning: true });
        await consumer.run({ eachMessage: async () => resolve() });
      });
    });
    await seen;
    try {
      const run = await runCli(['groups', 'reset', groupId, '--topic', topic, '--to-earliest', '--execute']);
      expect(run.code).toBe(3);
      expect(run.stdout).toBe('');
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
      expect(run.stderr).toMatch(new RegExp(`consumer group ${groupId} has 1 active member\\(s\\): eventline-test \\(`));
      const admin = await kit.topics.admin();
      const [offsets] = await admin.fetchOffsets({ groupId, topics: [topic] });
      // A reset to earliest would have committed 0.
      expect(offsets.partitions[0].offset).not.toBe('0');
    } finally {
      await consumer.disconnect();
    }
  });
});
