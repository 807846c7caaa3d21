import { compareRow, metricOf, noisePercent, pairRatios, quartiles, verdict } from './comparison';
import { Better, Metric, Tree, type ComparisonRun, type RowSpec } from './comparison.types';

const map = (entries: Array<[number, number]>) => new Map(entries);

describe('pairRatios', () => {
  it.each([
    ['every repetition paired', map([[1, 100], [2, 200]]), map([[1, 110], [2, 180]]), [1.1, 0.9]],
    ['in repetition order, whatever the insertion order', map([[2, 200], [1, 100]]), map([[1, 50], [2, 400]]), [0.5, 2]],
    ['a repetition missing on one side is left out', map([[1, 100], [2, 100], [3, 100]]), map([[1, 100], [3, 97]]), [1, 0.97]],
    ['a zero baseline cannot be divided by', map([[1, 0], [2, 100]]), map([[1, 5], [2, 100]]), [1]],
    ['nothing paired', map([[1, 100]]), map([[2, 100]]), []],
  ])('%s', (_name, baseline, current, expected) => {
    const ratios = pairRatios(baseline, current);
    expect(ratios).toHaveLength(expected.length);
    ratios.forEach((r, i) => expect(r).toBeCloseTo(expected[i], 10));
  });
});

describe('noisePercent', () => {
  it.each([
    [{ n: 3, median: 1, min: 0.98, max: 1.01 }, 2],
    [{ n: 3, median: 1, min: 0.99, max: 1.05 }, 5],
    [{ n: 1, median: 0.95, min: 0.95, max: 0.95 }, 0],
    [{ n: 2, median: 0, min: 0, max: 0 }, 0],
  ])('%j → ±%d %', (summary, expected) => {
    expect(noisePercent(summary)).toBeCloseTo(expected, 10);
  });
});

describe('quartiles', () => {
  it.each([
    [[5], 5, 5],
    [[1, 2, 3, 4, 5], 2, 4],
    [[4, 1, 3, 2], 1.75, 3.25],
    // One pair hit by a load spike moves min or max, not the middle half.
    [[0.6, 0.99, 1, 1.01, 1.02], 0.99, 1.01],
  ])('%j → %d–%d', (values, q1, q3) => {
    const q = quartiles(values);
    expect(q.q1).toBeCloseTo(q1, 10);
    expect(q.q3).toBeCloseTo(q3, 10);
  });

  it('refuses the quartiles of nothing', () => {
    expect(() => quartiles([])).toThrow(RangeError);
  });
});

describe('verdict', () => {
  it.each([
    // throughput: current / baseline must stay at or above the bound
    [{ median: 0.99, q1: 0.98, q3: 1.01 }, Better.Higher, 0.97, true, true],
    [{ median: 0.99, q1: 0.96, q3: 1.01 }, Better.Higher, 0.97, true, false],
    [{ median: 0.97, q1: 0.97, q3: 0.99 }, Better.Higher, 0.97, true, true],
    [{ median: 0.95, q1: 0.94, q3: 0.96 }, Better.Higher, 0.97, false, true],
    [{ median: 0.96, q1: 0.94, q3: 0.98 }, Better.Higher, 0.97, false, false],
    [{ median: 0.92, q1: 0.91, q3: 0.95 }, Better.Higher, 0.9, true, true],
    // peak RSS: current / baseline must not be above the bound
    [{ median: 0.99, q1: 0.97, q3: 1 }, Better.Lower, 1, true, true],
    [{ median: 1, q1: 0.98, q3: 1.02 }, Better.Lower, 1, true, false],
    [{ median: 1.03, q1: 1.01, q3: 1.05 }, Better.Lower, 1, false, true],
  ])('%j %s than %d → met %s, conclusive %s', (ratios, better, bound, met, conclusive) => {
    expect(verdict(ratios, better, bound)).toEqual({ met, conclusive });
  });
});

describe('compareRow', () => {
  const spec: RowSpec = { scenario: 'S3', figure: 'consumer', case: '', baselineArm: 'baseline', currentArm: 'current', better: Better.Higher, bound: 0.97 };
  const run = (arm: string, rep: number, value: number, scenario = 'S3', caseName = ''): ComparisonRun => ({
    scenario,
    arm,
    tree: arm === 'baseline' ? Tree.Baseline : Tree.Current,
    case: caseName,
    rep,
    position: 1,
    value,
    unit: 'rec/s',
  });

  it('summarizes both arms and their paired ratios', () => {
    const runs = [run('baseline', 1, 100), run('current', 1, 99), run('baseline', 2, 120), run('current', 2, 126), run('baseline', 3, 110), run('current', 3, 110)];
    const row = compareRow(spec, runs);
    expect(row.baseline).toEqual({ n: 3, median: 110, min: 100, max: 120 });
    expect(row.current).toEqual({ n: 3, median: 110, min: 99, max: 126 });
    expect(row.pairRatio?.median).toBeCloseTo(1, 10);
    expect(row.pairRatio?.min).toBeCloseTo(0.99, 10);
    expect(row.pairRatio?.max).toBeCloseTo(1.05, 10);
    expect(row.noisePercent).toBeCloseTo(5, 10);
    expect(row.pairQuartiles?.q1).toBeCloseTo(0.995, 10);
    expect(row.pairQuartiles?.q3).toBeCloseTo(1.025, 10);
    expect(row).toMatchObject({ unit: 'rec/s', met: true, conclusive: true });
  });

  it('ignores runs of other scenarios, cases and arms', () => {
    const runs = [run('baseline', 1, 100), run('current', 1, 90), run('current', 1, 1, 'S2'), run('current', 1, 1, 'S3', 'keys=1'), run('other', 1, 1)];
    const row = compareRow(spec, runs);
    expect(row.current).toEqual({ n: 1, median: 90, min: 90, max: 90 });
    expect(row).toMatchObject({ met: false, conclusive: true });
  });

  it.each([
    ['an arm never ran', [run('baseline', 1, 100)], undefined, undefined],
    ['the variant is not applicable', [run('baseline', 1, 100), run('current', 1, 100)], 'no interceptors', 'no interceptors'],
  ])('has no verdict when %s', (_name, runs, notApplicable, expected) => {
    const row = compareRow(spec, runs, notApplicable);
    expect(row).toMatchObject({ met: null, conclusive: false, notApplicable: expected });
    expect(row.pairRatio).toBeUndefined();
  });
});

describe('metricOf', () => {
  const base: ComparisonRun = { scenario: 'S2', arm: 'current', tree: Tree.Current, case: '', rep: 1, position: 1, value: 20_000, unit: 'rec/s' };
  it.each([
    ['the run\'s own figure by default', base, undefined, 20_000],
    ['its own figure when asked', { ...base, cpu: { wallSeconds: 5, nodeCpuSeconds: 4 } }, Metric.Value, 20_000],
    // 20,000 rec/s over 5 s is 100,000 records; on 4 CPU-seconds that is 25,000 a CPU-second.
    ['records per CPU-second from the window and the CPU', { ...base, cpu: { wallSeconds: 5, nodeCpuSeconds: 4 } }, Metric.PerCpuSecond, 25_000],
    ['nothing per CPU-second without CPU figures', base, Metric.PerCpuSecond, undefined],
    ['nothing per CPU-second from zero CPU', { ...base, cpu: { wallSeconds: 5, nodeCpuSeconds: 0 } }, Metric.PerCpuSecond, undefined],
  ])('%s', (_name, run, metric, expected) => {
    expect(metricOf(run, metric)).toBe(expected);
  });

  it('compares per CPU-second when the row says so: a stretched window is not a slower consumer', () => {
    const spec: RowSpec = { scenario: 'S3', figure: 'cpu', case: '', baselineArm: 'baseline', currentArm: 'current', metric: Metric.PerCpuSecond, better: Better.Higher, bound: 0.97 };
    const runs: ComparisonRun[] = [
      { ...base, scenario: 'S3', arm: 'baseline', tree: Tree.Baseline, value: 100_000, cpu: { wallSeconds: 5, nodeCpuSeconds: 4 } },
      // Half the throughput because the window doubled (a busy machine), the same CPU per record.
      { ...base, scenario: 'S3', value: 50_000, cpu: { wallSeconds: 10, nodeCpuSeconds: 4 } },
    ];
    const row = compareRow(spec, runs);
    expect(row.unit).toBe('records per CPU-second');
    expect(row.pairRatio?.median).toBeCloseTo(1, 10);
    expect(row.met).toBe(true);
  });
});
