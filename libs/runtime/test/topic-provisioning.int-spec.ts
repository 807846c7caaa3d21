/**
 * Expected: declared topics (and their dead-letter topics) are created when missing, pass
 * when they match, and an existing topic that differs is reported with what differs —
 * never altered.
 */
import { Topic, type TopicDeclaration } from '@eventline/contracts';
import { uniqueName } from '@eventline/testing';
import { kafkaJsAdmin, provisionTopics, TopicMismatchError } from '../src';
import { RuntimeTestKit } from './runtime-test-kit';

describe('topic provisioning from the declarations', () => {
  const kit = new RuntimeTestKit();
  afterAll(() => kit.cleanup());

  it('creates, then accepts, then reports a mismatch without changing the topic', async () => {
    const prefix = `${uniqueName('prov')}.`;
    const physical = (t: Topic) => `${prefix}${t}`;
    const declarations: TopicDeclaration[] = [{ topic: Topic.Orders, partitions: 3, config: { 'retention.ms': '3600000' }, deadLetter: true }];
    const admin = await kit.admin();
    try {
      const created = await provisionTopics(kafkaJsAdmin(admin), { physical, declarations });
      expect(created.map((c) => [c.topic, c.action])).toEqual([
        [`${prefix}orders`, 'created'],
        [`${prefix}orders.dlq`, 'created'],
      ]);
      const again = await provisionTopics(kafkaJsAdmin(admin), { physical, declarations });
      expect(again.every((c) => c.action === 'ok')).toBe(true);

      const changed: TopicDeclaration[] = [{ ...declarations[0], partitions: 6, config: { 'retention.ms': '7200000' } }];
      const error = await provisionTopics(kafkaJsAdmin(admin), { physical, declarations: changed }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TopicMismatchError);
      expect((error as Error).message).toContain(`${prefix}orders: 3 partitions, declared 6; retention.ms=3600000, declared 7200000`);
      const meta = await admin.fetchTopicMetadata({ topics: [`${prefix}orders`] });
      expect(meta.topics[0].partitions).toHaveLength(3);
    } finally {
      await admin.deleteTopics({ topics: [`${prefix}orders`, `${prefix}orders.dlq`] }).catch(() => undefined);
    }
  });
});
