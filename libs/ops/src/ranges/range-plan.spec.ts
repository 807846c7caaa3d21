import { OpsErrorCode, isOpsError } from '../errors/ops.error';
import type { OffsetPosition } from './offset-position';
import { planRanges } from './range-plan';

const watermarks = [
  { partition: 1, low: 5n, high: 20n },
  { partition: 0, low: 0n, high: 10n },
];
const T1 = Date.parse('2025-05-01T10:00:00Z');
const T2 = Date.parse('2025-05-01T11:00:00Z');
const offsetsAtTime = new Map([
  [T1, new Map([[0, 3n], [1, 7n]])],
  [T2, new Map([[0, 10n], [1, 12n]])],
]);
const plan = (from: OffsetPosition, to: OffsetPosition, partitions?: number[]) =>
  planRanges({ topic: 'orders', watermarks, from, to, partitions, offsetsAtTime }).map((r) => [r.partition, r.from, r.to, r.count]);

describe('planRanges', () => {
  it.each<[string, OffsetPosition, OffsetPosition, Array<[number, bigint, bigint, bigint]>]>([
    ['beginning to the end', { kind: 'earliest' }, { kind: 'latest' }, [[0, 0n, 10n, 10n], [1, 5n, 20n, 15n]]],
    ['an offset to the end', { kind: 'offset', offset: 8n }, { kind: 'latest' }, [[0, 8n, 10n, 2n], [1, 8n, 20n, 12n]]],
    ['up to an offset, inclusive', { kind: 'earliest' }, { kind: 'offset', offset: 9n }, [[0, 0n, 10n, 10n], [1, 5n, 10n, 5n]]],
    ['a time window', { kind: 'time', at: T1 }, { kind: 'time', at: T2 }, [[0, 3n, 10n, 7n], [1, 7n, 12n, 5n]]],
    ['from the end (nothing yet)', { kind: 'latest' }, { kind: 'latest' }, [[0, 10n, 10n, 0n], [1, 20n, 20n, 0n]]],
    ['an end time before the start offset is empty', { kind: 'offset', offset: 8n }, { kind: 'time', at: T1 }, [[0, 8n, 8n, 0n], [1, 8n, 8n, 0n]]],
  ])('plans %s', (_, from, to, expected) => {
    expect(plan(from, to)).toEqual(expected);
  });

  it('keeps only the partitions asked for, in order asked', () => {
    expect(plan({ kind: 'earliest' }, { kind: 'latest' }, [1])).toEqual([[1, 5n, 20n, 15n]]);
  });

  it.each<[string, OffsetPosition, OffsetPosition, number[] | undefined, string, RegExp]>([
    ['a start below earliest', { kind: 'offset', offset: 2n }, { kind: 'latest' }, [1], OpsErrorCode.OffsetOutOfRange, /fromOffset 2 is outside orders\[1\], which holds offsets 5–19/],
    ['a start past latest', { kind: 'offset', offset: 11n }, { kind: 'latest' }, [0], OpsErrorCode.OffsetOutOfRange, /fromOffset 11 is outside orders\[0\]/],
    ['an end at latest (no record there)', { kind: 'earliest' }, { kind: 'offset', offset: 10n }, [0], OpsErrorCode.OffsetOutOfRange, /toOffset 10 is outside/],
    ['an end before the start', { kind: 'offset', offset: 6n }, { kind: 'offset', offset: 5n }, [1], OpsErrorCode.BadArgument, /toOffset 5 is before fromOffset 6/],
    ['times in the wrong order', { kind: 'time', at: T2 }, { kind: 'time', at: T1 }, undefined, OpsErrorCode.BadArgument, /toTime .* is before fromTime/],
    ['a partition that does not exist', { kind: 'earliest' }, { kind: 'latest' }, [7], OpsErrorCode.UnknownPartition, /orders has no partition 7/],
  ])('refuses %s', (_, from, to, partitions, code, message) => {
    expect.assertions(2);
    try {
      plan(from, to, partitions);
    } catch (err) {
      expect(isOpsError(err, code as never)).toBe(true);
      expect((err as Error).message).toMatch(message);
    }
  });

  it('starts at the earliest record when retention deleted what the time lookup found', () => {
    const ranges = planRanges({
      topic: 't',
      watermarks: [{ partition: 0, low: 50n, high: 60n }],
      from: { kind: 'time', at: T1 },
      to: { kind: 'latest' },
      offsetsAtTime: new Map([[T1, new Map([[0, 40n]])]]),
    });
    expect(ranges[0].from).toBe(50n);
  });
});
