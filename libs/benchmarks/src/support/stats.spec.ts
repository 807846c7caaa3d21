import { formatMargin, formatNumber, formatRatio, formatSummary, median, spreadPercent, summarize } from './stats';

describe('stats helpers', () => {
  it.each([
    [[5], 5],
    [[3, 1, 2], 2],
    [[4, 1, 3, 2], 2.5],
    [[10, 10, 10, 1_000], 10],
  ])('median of %j is %d', (values, expected) => {
    expect(median(values)).toBe(expected);
  });

  it('refuses the median of nothing', () => {
    expect(() => median([])).toThrow(RangeError);
  });

  it('summarizes without reordering the input', () => {
    const values = [30, 10, 20];
    expect(summarize(values)).toEqual({ n: 3, median: 20, min: 10, max: 30 });
    expect(values).toEqual([30, 10, 20]);
  });

  it.each([
    [{ n: 3, median: 100, min: 90, max: 110 }, 20],
    [{ n: 2, median: 0, min: 0, max: 0 }, 0],
  ])('spread of %j is %d %', (summary, expected) => {
    expect(spreadPercent(summary)).toBeCloseTo(expected);
  });

  it.each([
    [12_345.6, '12,346'],
    [100, '100'],
    [7.25, '7.3'],
    [0.04, '0'],
    [Number.NaN, 'NaN'],
  ])('formats %d as %s', (value, expected) => {
    expect(formatNumber(value)).toBe(expected);
  });

  it('shows median then min–max, and the median alone for one repetition', () => {
    expect(formatSummary({ n: 3, median: 12_000, min: 11_500.2, max: 12_800 })).toBe('12,000 (11,500–12,800)');
    expect(formatSummary({ n: 1, median: 4.56, min: 4.56, max: 4.56 }, 2)).toBe('4.56');
  });

  it.each([
    [92, 100, '0.92×'],
    [1_500, 100, '15.00×'],
    [5, 0, '—'],
    [undefined, 10, '—'],
    [10, undefined, '—'],
    [Number.POSITIVE_INFINITY, 10, '—'],
  ])('ratio %s / %s is %s', (a, b, expected) => {
    expect(formatRatio(a, b)).toBe(expected);
  });

  it.each([
    [13.8, 10, '+38 %'],
    [0.62, 0.7, '−11 %'],
    [1, 1, '+0 %'],
    [5, 0, '—'],
  ])('margin of %d against target %d is %s', (measured, target, expected) => {
    expect(formatMargin(measured, target)).toBe(expected);
  });
});
