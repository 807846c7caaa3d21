#!/usr/bin/env node
// Compiles the CLI (and the libraries it imports through the workspace's path aliases) to
// plain JavaScript in dist/cli, so `eventline` starts without the TypeScript toolchain:
// swc-node costs about a second and a half per command on this project. Run by
// `npm install` (postinstall) and `nx build cli`; bin/eventline.cjs falls back to the
// sources through swc-node whenever this build is missing or older than them.
const { execFileSync } = require('node:child_process');
const { mkdirSync, readFileSync, rmSync, writeFileSync } = require('node:fs');
const path = require('node:path');
const { newestSourceMtime, BUILD_DIR, STAMP_FILE } = require('./cli-build-freshness.cjs');

const root = path.join(__dirname, '..', '..', '..');
const outDir = path.join(root, BUILD_DIR);
const started = Date.now();
const newest = newestSourceMtime(root);
rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });
const tsconfig = path.join(outDir, 'tsconfig.json');
writeFileSync(
  tsconfig,
  JSON.stringify({
    extends: path.join(root, 'tsconfig.base.json'),
    // Types are checked by the lint/build targets; this only emits.
    compilerOptions: { outDir, rootDir: root, noEmit: false, noCheck: true, sourceMap: false, incremental: false, types: ['node'] },
    files: [path.join(root, 'apps', 'cli', 'src', 'main.ts')],
  }),
);
try {
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', tsconfig], { cwd: root, stdio: 'pipe' });
} catch (error) {
  // Never fail an install over it: the bin runs the sources instead.
  process.stderr.write(`eventline: could not compile the CLI (it will run from TypeScript, slower): ${String(error.stdout || error.message).slice(0, 500)}\n`);
  rmSync(outDir, { recursive: true, force: true });
  process.exit(0);
}
// The @eventline/* aliases as tiny packages pointing at the compiled libraries.
const base = JSON.parse(readFileSync(path.join(root, 'tsconfig.base.json'), 'utf8'));
for (const [alias, [target]] of Object.entries(base.compilerOptions.paths)) {
  const stub = path.join(outDir, 'node_modules', alias);
  mkdirSync(stub, { recursive: true });
  writeFileSync(path.join(stub, 'package.json'), JSON.stringify({ name: alias, main: path.relative(stub, path.join(outDir, target.replace(/\.ts$/, '.js'))) }));
}
writeFileSync(path.join(root, STAMP_FILE), String(newest));
process.stdout.write(`eventline CLI compiled to ${BUILD_DIR} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
