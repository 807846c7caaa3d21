import { resetRequest } from './reset-request';

const NOW = Date.parse('2026-12-01T12:00:00Z');

describe('the reset form as an ops request', () => {
  it('takes each target kind, with offsets and shifts as bigint and durations as a time back from now', () => {
    const topics = [{ topic: 'orders', partitions: [0, 2] }];
    expect(resetRequest('g', { topics, target: { kind: 'earliest' } }, NOW).target).toEqual({ kind: 'earliest' });
    expect(resetRequest('g', { topics, target: { kind: 'latest' } }, NOW).target).toEqual({ kind: 'latest' });
    expect(resetRequest('g', { topics, target: { kind: 'offset', value: '9007199254740993' } }, NOW).target).toEqual({ kind: 'offset', offset: 9_007_199_254_740_993n });
    expect(resetRequest('g', { topics, target: { kind: 'shift', value: '-100' } }, NOW).target).toEqual({ kind: 'shift', by: -100n });
    expect(resetRequest('g', { topics, target: { kind: 'duration', value: '15m' } }, NOW).target).toEqual({ kind: 'time', at: NOW - 15 * 60_000 });
    expect(resetRequest('g', { topics, target: { kind: 'time', value: '2026-12-01T10:00:00Z' } }, NOW).target).toEqual({ kind: 'time', at: Date.parse('2026-12-01T10:00:00Z') });
    expect(resetRequest('g', { topics, target: { kind: 'earliest' } }, NOW)).toMatchObject({ groupId: 'g', topics: [{ topic: 'orders', partitions: [0, 2] }] });
  });

  it.each([
    ['no topics', { topics: [], target: { kind: 'earliest' } }, 'topics'],
    ['a topic without a name', { topics: [{}], target: { kind: 'earliest' } }, 'topics[0].topic'],
    ['partitions that are not numbers', { topics: [{ topic: 'o', partitions: ['1'] }], target: { kind: 'earliest' } }, 'topics[0].partitions'],
    ['an unknown kind', { topics: [{ topic: 'o' }], target: { kind: 'yesterday' } }, 'target.kind'],
    ['an offset without a value', { topics: [{ topic: 'o' }], target: { kind: 'offset' } }, 'target.value'],
    ['a shift that is not a number', { topics: [{ topic: 'o' }], target: { kind: 'shift', value: 'back' } }, 'target.value'],
  ])('refuses %s, naming the field', (_what, body, field) => {
    expect(() => resetRequest('g', body, NOW)).toThrow(expect.objectContaining({ code: 'BAD_REQUEST', detail: { field } }));
  });

  it('refuses a malformed time or offset with the ops code and the field', () => {
    expect(() => resetRequest('g', { topics: [{ topic: 'o' }], target: { kind: 'time', value: 'noon' } }, NOW)).toThrow(
      expect.objectContaining({ code: 'OPS_BAD_TIME', detail: expect.objectContaining({ fields: ['target.value'] }) }),
    );
    expect(() => resetRequest('g', { topics: [{ topic: 'o' }], target: { kind: 'offset', value: '-1' } }, NOW)).toThrow(expect.objectContaining({ code: 'OPS_BAD_ARGUMENT' }));
  });

  it('refuses a body that is not an object', () => {
    expect(() => resetRequest('g', 'earliest', NOW)).toThrow(expect.objectContaining({ code: 'BAD_REQUEST', detail: { field: 'body' } }));
  });
});
