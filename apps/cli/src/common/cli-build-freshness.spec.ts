import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// The bin's own helper (plain CommonJS, so the bin needs no toolchain to decide).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { freshBuild, STAMP_FILE } = require('../../tools/cli-build-freshness.cjs') as {
  freshBuild: (root: string) => string | undefined;
  STAMP_FILE: string;
};

describe('which CLI the bin runs', () => {
  let root: string;
  const at = (seconds: number) => new Date(seconds * 1000);
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'cli-fresh-'));
    for (const dir of ['apps/cli/src', 'libs/codec/src', 'dist/cli']) mkdirSync(join(root, dir), { recursive: true });
    for (const file of ['tsconfig.base.json', 'apps/cli/src/main.ts', 'libs/codec/src/index.ts']) {
      writeFileSync(join(root, file), '');
      utimesSync(join(root, file), at(1000), at(1000));
    }
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('runs the compiled build when it is as new as every source', () => {
    writeFileSync(join(root, STAMP_FILE), String(1000 * 1000));
    expect(freshBuild(root)).toBe(join(root, 'dist', 'cli', 'apps', 'cli', 'src', 'main.js'));
  });

  it('runs the sources when one changed after the build, or when there is no build', () => {
    writeFileSync(join(root, STAMP_FILE), String(1000 * 1000));
    utimesSync(join(root, 'libs/codec/src/index.ts'), at(2000), at(2000));
    expect(freshBuild(root)).toBeUndefined();
    rmSync(join(root, STAMP_FILE));
    expect(freshBuild(root)).toBeUndefined();
  });
});
