/**
 * Expected: a record that fails twice then succeeds is handled on attempt 3 and never
 * dead-lettered; a record that always fails lands in `<topic>.dlq` after max attempts, with
 * its original key, value and headers and every dead-letter header, in the same partition
 * number; records behind it wait for it (order) and then flow; everything is committed.
 */
import { DeadLetterHeader, parseDeadLetterHeaders, RuntimeEvent } from '../src';
import { RuntimeTestKit, eventually } from './runtime-test-kit';

describe('retries, then the dead-letter topic', () => {
  const kit = new RuntimeTestKit();
  afterAll(() => kit.cleanup());

  it('retries with backoff, dead-letters after the last attempt, and keeps order', async () => {
    const { topic, dlq } = await kit.topicWithDlq('retry', 2);
    await kit.produce(topic, [
      { key: 'a', value: 'ok-1', partition: 1 },
      { key: 'a', value: 'flaky', partition: 1, headers: { 'x-trace': 'abc' } },
      { key: 'a', value: 'always-fails', partition: 1, headers: { 'x-trace': 'def' } },
      { key: 'a', value: 'ok-2', partition: 1 },
    ]);

    const handled: Array<[string, number]> = [];
    let flakyCalls = 0;
    const consumer = kit.consumer('retry', [
      {
        topic,
        eventType: '*',
        retry: { maxAttempts: 3, initialDelayMs: 50, maxDelayMs: 200, jitter: 0 },
        handler: async (value: Buffer, ctx) => {
          const text = value.toString();
          handled.push([text, ctx.attempt]);
          if (text === 'flaky' && ++flakyCalls < 3) throw new Error('downstream busy');
          if (text === 'always-fails') throw new Error('downstream rejects this one');
        },
      },
    ]);
    const retries: number[] = [];
    consumer.instrumentation.on(RuntimeEvent.RecordRetryScheduled, (e) => retries.push(e.delayMs));
    await consumer.start();
    await eventually('ok-2 handled', () => handled.some(([v]) => v === 'ok-2'));

    expect(handled).toEqual([
      ['ok-1', 1],
      ['flaky', 1],
      ['flaky', 2],
      ['flaky', 3],
      ['always-fails', 1],
      ['always-fails', 2],
      ['always-fails', 3],
      ['ok-2', 1],
    ]);
    expect(retries).toEqual([50, 100, 50, 100]);

    const [dead, ...more] = await kit.readAll(dlq);
    expect(more).toHaveLength(0);
    expect(dead.partition).toBe(1);
    expect(dead.key?.toString()).toBe('a');
    expect(dead.value?.toString()).toBe('always-fails');
    expect(dead.headers?.['x-trace']?.toString()).toBe('def');
    const info = parseDeadLetterHeaders(dead.headers);
    expect(info).toMatchObject({
      sourceTopic: topic,
      sourcePartition: 1,
      sourceOffset: '2',
      consumerGroup: consumer.groupId,
      attempts: 3,
      errorClass: 'Error',
      errorCode: 'Error',
      errorMessage: 'downstream rejects this one',
    });
    expect(info.errorStack).toContain('retry-then-dead-letter.int-spec.ts');
    expect(Number.isNaN(Date.parse(info.failedAt))).toBe(false);
    expect(dead.headers?.[DeadLetterHeader.SourceTimestamp]?.toString()).toMatch(/^\d+$/);

    const committed = await eventually('offsets committed', async () => {
      const c = await kit.committed(consumer.groupId, topic);
      return c.get(1) === '4' ? c : undefined;
    });
    expect(committed.get(1)).toBe('4');
  });
});
