import { OpsErrorCode, isOpsError } from '../errors/ops.error';
import { planReset, type ResetTarget } from './offset-reset-plan';

const watermarks = [
  { partition: 0, low: 10n, high: 100n },
  { partition: 1, low: 0n, high: 50n },
];
const committed = new Map([
  [0, 60n],
  [1, 45n],
]);
const plan = (target: ResetTarget, partitions?: number[], offsetsAtTime?: Map<number, bigint>) =>
  planReset({ topic: 'orders', watermarks, committed, target, partitions, offsetsAtTime }).map((r) => [r.partition, r.current, r.next]);

describe('planReset', () => {
  it.each<[string, ResetTarget, Array<[number, bigint | undefined, bigint]>]>([
    ['to earliest', { kind: 'earliest' }, [[0, 60n, 10n], [1, 45n, 0n]]],
    ['to latest', { kind: 'latest' }, [[0, 60n, 100n], [1, 45n, 50n]]],
    ['to an offset inside both', { kind: 'offset', offset: 20n }, [[0, 60n, 20n], [1, 45n, 20n]]],
    ['back by 20', { kind: 'shift', by: -20n }, [[0, 60n, 40n], [1, 45n, 25n]]],
    ['back past the start, clamped', { kind: 'shift', by: -55n }, [[0, 60n, 10n], [1, 45n, 0n]]],
    ['forward past the end, clamped', { kind: 'shift', by: 30n }, [[0, 60n, 90n], [1, 45n, 50n]]],
  ])('moves %s', (_, target, expected) => {
    expect(plan(target)).toEqual(expected);
  });

  it('moves to the offsets the broker found for a time', () => {
    expect(plan({ kind: 'time', at: 1 }, undefined, new Map([[0, 70n], [1, 50n]]))).toEqual([
      [0, 60n, 70n],
      [1, 45n, 50n],
    ]);
  });

  it('refuses an explicit offset outside a partition’s range', () => {
    expect.assertions(2);
    try {
      plan({ kind: 'offset', offset: 5n });
    } catch (err) {
      expect(isOpsError(err, OpsErrorCode.OffsetOutOfRange)).toBe(true);
      expect((err as Error).message).toBe('toOffset 5 is outside orders[0], whose offsets run 10–100');
    }
  });

  it('refuses to shift a partition the group never committed', () => {
    expect(() =>
      planReset({ topic: 'orders', watermarks, committed: new Map([[0, 60n]]), target: { kind: 'shift', by: 1n } }),
    ).toThrow(/no committed offset on orders\[1\]/);
  });

  it('plans only the partitions named', () => {
    expect(plan({ kind: 'earliest' }, [1])).toEqual([[1, 45n, 0n]]);
  });
});
