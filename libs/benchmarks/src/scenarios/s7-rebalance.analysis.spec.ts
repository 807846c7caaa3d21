import { duplicatesWithin, longestGap, lost, phaseFigures, type Processed } from './s7-rebalance.analysis';

const r = (member: string, at: number, partition: number, offset: number): Processed => ({ member, at, partition, offset: String(offset), id: `${partition}-${offset}` });

describe('S7 rebalance analysis', () => {
  it.each([
    ['steady processing', [r('a', 100, 0, 1), r('a', 200, 0, 2), r('a', 300, 0, 3)], 0, 400, 100],
    ['a pause in the middle', [r('a', 100, 0, 1), r('a', 1_600, 0, 2), r('a', 1_700, 0, 3)], 0, 1_800, 1_500],
    ['not resumed by the end of the phase', [r('a', 100, 0, 1)], 0, 2_000, 1_900],
    ['no record at all', [], 0, 2_000, 2_000],
    ['records of other partitions do not count', [r('a', 100, 0, 1), r('a', 500, 1, 1), r('a', 900, 0, 2)], 0, 1_000, 800],
  ])('longest gap: %s', (_name, records, from, to, expected) => {
    expect(longestGap(records as Processed[], 0, from, to)).toBe(expected);
  });

  it('tells unmoved from moved partitions by who processed them last before and after the change', () => {
    const records = [r('a', 100, 0, 1), r('b', 100, 1, 1), r('a', 1_500, 0, 2), r('c', 1_600, 1, 2), r('a', 1_900, 0, 3), r('c', 1_900, 1, 3)];
    const figures = phaseFigures(records, 2, 1_000, 2_000, 1_000);
    expect(figures.unmoved).toEqual([0]);
    expect(figures.moved).toEqual([1]);
    expect(figures.longestGapUnmovedMs).toBe(1_400);
    expect(figures.longestGapMovedMs).toBe(1_500);
  });

  it('counts a partition nobody processed after the change as moved', () => {
    const figures = phaseFigures([r('a', 100, 0, 1)], 1, 1_000, 2_000);
    expect(figures.moved).toEqual([0]);
  });

  it('counts repeats of a partition and offset, in the window where the repeat happened', () => {
    const records = [r('a', 100, 0, 1), r('a', 200, 0, 2), r('b', 1_100, 0, 2), r('b', 1_200, 0, 2), r('b', 2_100, 1, 1)];
    expect(duplicatesWithin(records)).toBe(2);
    expect(duplicatesWithin(records, 1_000, 1_150)).toBe(1);
    expect(duplicatesWithin(records, 2_000, 3_000)).toBe(0);
  });

  it('counts acknowledged ids never processed', () => {
    expect(lost(['0-1', '0-2', '0-3'], [r('a', 1, 0, 1), r('a', 2, 0, 3)])).toBe(1);
  });
});
