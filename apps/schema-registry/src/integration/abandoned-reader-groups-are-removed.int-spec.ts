/**
 * An instance that died without stopping leaves its reader group behind (`groups list`
 * showed one per start). Expected: the next instance to start deletes every empty
 * `schema-registry-*` group, and leaves alone a group of that prefix that has a member and
 * any group outside the prefix.
 */
import { startSchemaRegistry, TestTopics, testKafka, uniqueName, type SchemaRegistryProcess } from '@eventline/testing';

describe('abandoned registry reader groups', () => {
  const topics = new TestTopics(testKafka());
  let registry: SchemaRegistryProcess | undefined;

  afterAll(async () => {
    await registry?.stop();
    await topics.cleanup();
  });

  it('are deleted by the next instance to start; live and foreign groups stay', async () => {
    const admin = await topics.admin();
    const topic = await topics.create('abandoned-groups', 1);
    const abandoned = `schema-registry-${uniqueName('dead-host')}`;
    const foreign = topics.group('not-the-registry');
    // A committed offset is how an empty group comes to exist without a member.
    for (const groupId of [abandoned, foreign]) await admin.setOffsets({ groupId, topic, partitions: [{ partition: 0, offset: '0' }] });
    const live = `schema-registry-${uniqueName('live')}`;
    const member = testKafka().consumer({ groupId: live });
    await member.connect();
    await member.subscribe({ topics: [topic] });
    let joined!: () => void;
    const hasJoined = new Promise<void>((resolve) => (joined = resolve));
    member.on(member.events.GROUP_JOIN, () => joined());
    await member.run({ eachMessage: async () => undefined });
    await hasJoined;

    try {
      registry = await startSchemaRegistry();
      const ids = (await admin.listGroups()).groups.map((g) => g.groupId);
      expect(ids).not.toContain(abandoned);
      expect(ids).toContain(live);
      expect(ids).toContain(foreign);
    } finally {
      await member.disconnect();
      await admin.deleteGroups([live]).catch(() => undefined);
    }
  });
});
