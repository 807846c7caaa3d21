// Whether dist/cli still matches the sources: the build records the newest mtime of the
// TypeScript it was made from; any source touched since makes it stale. A stat of each file
// under apps/cli/src and libs/*/src: a few milliseconds.
const { readdirSync, readFileSync, statSync } = require('node:fs');
const path = require('node:path');

const BUILD_DIR = path.join('dist', 'cli');
const STAMP_FILE = path.join(BUILD_DIR, '.sources-mtime');

function newestIn(dir) {
  let newest = 0;
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestIn(full));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts')) newest = Math.max(newest, statSync(full).mtimeMs);
  }
  return newest;
}

function newestSourceMtime(root) {
  let newest = Math.max(newestIn(path.join(root, 'apps', 'cli', 'src')), statSync(path.join(root, 'tsconfig.base.json')).mtimeMs);
  for (const lib of readdirSync(path.join(root, 'libs'))) newest = Math.max(newest, newestIn(path.join(root, 'libs', lib, 'src')));
  return newest;
}

/** The compiled entry point if it is there and not older than any source, else undefined. */
function freshBuild(root) {
  try {
    const built = Number(readFileSync(path.join(root, STAMP_FILE), 'utf8'));
    if (!(built >= newestSourceMtime(root))) return undefined;
    return path.join(root, BUILD_DIR, 'apps', 'cli', 'src', 'main.js');
  } catch {
    return undefined;
  }
}

module.exports = { BUILD_DIR, STAMP_FILE, freshBuild, newestSourceMtime };
