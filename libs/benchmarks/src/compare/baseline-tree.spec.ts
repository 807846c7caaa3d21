import { baselineDir, changedAreas } from './baseline-tree';

describe('changedAreas', () => {
  it.each([
    [[], []],
    [['libs/runtime/src/a.ts', 'libs/runtime/src/b/c.ts', ''], ['libs/runtime (2 files)']],
    [['libs/runtime/src/a.ts', 'apps/cli/bin/x.cjs', 'docs/benchmarks.md', 'package-lock.json'], ['apps/cli (1 file)', 'docs (1 file)', 'libs/runtime (1 file)', 'package-lock.json (1 file)']],
    [['libs/benchmarks/src/compare/x.ts', 'libs/benchmarks/src/main.ts', 'libs/nest/src/y.ts'], ['libs/benchmarks (2 files)', 'libs/nest (1 file)']],
    [['node_modules', 'libs/runtime/src/a.ts'], ['libs/runtime (1 file)']],
  ])('%j → %j', (paths, expected) => {
    expect(changedAreas(paths)).toEqual(expected);
  });
});

describe('baselineDir', () => {
  it('keeps one worktree per commit under .cache', () => {
    expect(baselineDir('/repo', 'abc123')).toBe('/repo/.cache/bench-baseline/abc123');
  });
});
