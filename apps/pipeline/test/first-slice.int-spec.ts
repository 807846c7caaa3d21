/**
 * Expected: 10,000 keyed records on a 6-partition topic, consumed by a group of two members,
 * all arrive, every member gets a share, and per-key order holds.
 */
import { TestTopics, testKafka } from '@eventline/testing';
import { OrderedSlice } from '../src/slice/ordered-slice';

describe('the first vertical slice on a real broker', () => {
  const topics = new TestTopics();
  let slice: OrderedSlice | undefined;

  afterAll(async () => {
    await slice?.stop();
    await topics.cleanup();
  });

  it('delivers 10,000 keyed records to a two-member group with per-key order intact', async () => {
    const topic = await topics.create('first-slice', 6);
    slice = new OrderedSlice({ kafka: testKafka(), topic, groupId: topics.group('first-slice'), members: 2, keys: 60 });
    await slice.startConsumers();
    await slice.produce(10_000);
    await slice.waitForConsumed(10_000, 60_000);

    const stats = slice.stats;
    expect(stats.produced).toBe(10_000);
    expect(stats.violations).toBe(0);
    expect(stats.received - stats.duplicates).toBe(10_000);
    expect(stats.keys).toBe(60);
    expect(stats.consumedByMember.every((n) => n > 0)).toBe(true);
    for (let key = 0; key < 60; key++) expect(slice.checker.inOrder(`key-${key}`)).toBeGreaterThan(160);
  });
});
