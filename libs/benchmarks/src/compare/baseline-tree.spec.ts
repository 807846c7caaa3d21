import { baselineDir, changedAreas, sameDependencies } from './baseline-tree';

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

describe('sameDependencies', () => {
  const lock = (root: Record<string, unknown>, packages: Record<string, unknown> = { 'node_modules/kafkajs': { version: '2.2.4', integrity: 'sha512-a' } }) =>
    JSON.stringify({ name: 'eventline', lockfileVersion: 3, packages: { '': { name: 'eventline', ...root }, ...packages } });
  const base = lock({ version: '0.1.0', engines: { node: '>=20.19' }, dependencies: { kafkajs: '2.2.4' } });

  it.each([
    ['the same text', base, true],
    ['only the engines differ (installs nothing)', lock({ version: '0.1.0', engines: { node: '^20.19.0 || ^24.0.0' }, dependencies: { kafkajs: '2.2.4' } }), true],
    ['only the version differs', lock({ version: '0.2.0', engines: { node: '>=20.19' }, dependencies: { kafkajs: '2.2.4' } }), true],
    ['a root dependency range differs', lock({ version: '0.1.0', engines: { node: '>=20.19' }, dependencies: { kafkajs: '^2.2.4' } }), false],
    ['a root dev dependency was added', lock({ version: '0.1.0', engines: { node: '>=20.19' }, dependencies: { kafkajs: '2.2.4' }, devDependencies: { jest: '30' } }), false],
    [
      'a package resolved to another version',
      lock({ version: '0.1.0', engines: { node: '>=20.19' }, dependencies: { kafkajs: '2.2.4' } }, { 'node_modules/kafkajs': { version: '2.2.5', integrity: 'sha512-b' } }),
      false,
    ],
    ['a package was added', lock({ version: '0.1.0', engines: { node: '>=20.19' }, dependencies: { kafkajs: '2.2.4' } }, { 'node_modules/b': {}, 'node_modules/kafkajs': { version: '2.2.4', integrity: 'sha512-a' } }), false],
    ['no lockfile on one side', '', false],
    ['an unreadable lockfile', '{', false],
  ])('%s → %s', (_name, current, expected) => {
    expect(sameDependencies(base, current)).toBe(expected);
  });

  it('ignores the order of package entries', () => {
    const one = lock({ dependencies: {} }, { 'node_modules/a': { version: '1' }, 'node_modules/b': { version: '2' } });
    const other = lock({ dependencies: {} }, { 'node_modules/b': { version: '2' }, 'node_modules/a': { version: '1' } });
    expect(sameDependencies(one, other)).toBe(true);
  });
});
