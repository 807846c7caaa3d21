import { replayOptions } from './replay-request';

const NOW = Date.parse('2026-12-01T12:00:00Z');

describe('the replay form as ops options', () => {
  it('is a dry run for a plan and keeps partitions unless asked to place by key', () => {
    const plan = replayOptions({ sourceTopic: 'orders', targetTopic: 'orders-copy' }, NOW, false);
    expect(plan).toMatchObject({ dryRun: true, keepPartitions: true, from: { kind: 'earliest' }, to: { kind: 'latest' }, filter: {} });
    expect(plan.replayId).toMatch(/^replay-20261201T120000-[0-9a-f]{4}$/);
    expect(replayOptions({ sourceTopic: 'a', targetTopic: 'b', byKey: true }, NOW, true)).toMatchObject({ dryRun: false, keepPartitions: false });
  });

  it('runs the plan it was shown: the plan id passed back is the replay id', () => {
    expect(replayOptions({ sourceTopic: 'a', targetTopic: 'b', replayId: 'replay-20261201T120000-abcd' }, NOW, true).replayId).toBe('replay-20261201T120000-abcd');
  });

  it('takes offsets as bigint and times as ISO or a duration ago, filters and a group', () => {
    const options = replayOptions(
      { sourceTopic: 'a', targetTopic: 'b', from: { kind: 'offset', value: '10' }, to: { kind: 'time', value: '30m' }, key: 'k1', eventType: 'T', forGroup: 'g', partitions: [1] },
      NOW,
      false,
    );
    expect(options).toMatchObject({ from: { kind: 'offset', offset: 10n }, to: { kind: 'time', at: NOW - 30 * 60_000 }, filter: { key: 'k1', type: 'T' }, forGroup: 'g', partitions: [1] });
  });

  it.each([
    ['no source', { targetTopic: 'b' }, 'sourceTopic'],
    ['a from kind that belongs to to', { sourceTopic: 'a', targetTopic: 'b', from: { kind: 'latest' } }, 'from.kind'],
    ['an offset without a value', { sourceTopic: 'a', targetTopic: 'b', to: { kind: 'offset' } }, 'to.value'],
    ['partitions as text', { sourceTopic: 'a', targetTopic: 'b', partitions: '0,1' }, 'partitions'],
  ])('refuses %s, naming the field', (_what, body, field) => {
    expect(() => replayOptions(body, NOW, false)).toThrow(expect.objectContaining({ code: 'BAD_REQUEST', detail: { field } }));
  });

  it('refuses a replay id with characters a header cannot keep apart', () => {
    expect(() => replayOptions({ sourceTopic: 'a', targetTopic: 'b', replayId: 'a b' }, NOW, true)).toThrow(expect.objectContaining({ code: 'OPS_BAD_ARGUMENT' }));
  });
});
