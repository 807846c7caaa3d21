#!/usr/bin/env node
// Builds the console's web UI (apps/console/web, Vite) into apps/console/dist/web when that
// build is missing or older than any of its sources, so it is cheap to call on every start
// (`npm run build:console`, postinstall, the console's Nx targets). `--force` always builds.
// Under postinstall a failed build only warns (an install without devDependencies has no
// Vite); called directly it fails with Vite's message.
const { execFileSync } = require('node:child_process');
const { existsSync, readdirSync, readFileSync, statSync, writeFileSync } = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..', '..', '..');
const webDir = path.join(root, 'apps', 'console', 'web');
const outDir = path.join(root, 'apps', 'console', 'dist', 'web');
const stampFile = path.join(outDir, '.build-stamp');
// The API contract is imported type-only, but a changed contract must re-typecheck and rebuild;
// the lockfile stands for the versions of Vite, React and the chart library.
const extraSources = [path.join(root, 'libs', 'console', 'src', 'api', 'console-api.types.ts'), path.join(root, 'package-lock.json')];

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

function newestSourceMtime() {
  return Math.max(newestMtime(webDir), ...extraSources.filter((f) => existsSync(f)).map((f) => statSync(f).mtimeMs));
}

function builtFrom() {
  try {
    return existsSync(path.join(outDir, 'index.html')) ? Number(readFileSync(stampFile, 'utf8')) : -1;
  } catch {
    return -1;
  }
}

const force = process.argv.includes('--force');
const underInstall = process.env.npm_lifecycle_event === 'postinstall';
const newest = newestSourceMtime();
if (!force && builtFrom() >= newest) process.exit(0);

const started = Date.now();
try {
  const vite = path.join(path.dirname(require.resolve('vite/package.json', { paths: [root] })), 'bin', 'vite.js');
  execFileSync(process.execPath, [vite, 'build', '--config', path.join(webDir, 'vite.config.mjs'), '--logLevel', 'warn'], { cwd: root, stdio: ['ignore', 'inherit', 'pipe'] });
} catch (error) {
  const message = String((error.stderr && error.stderr.toString()) || error.message).slice(0, 4000);
  process.stderr.write(`console web: the build failed${underInstall ? ' (the console will have no web UI until `npm run build:console` succeeds)' : ''}:\n${message}\n`);
  process.exit(underInstall ? 0 : 1);
}
writeFileSync(stampFile, String(newest));
process.stdout.write(`console web built to ${path.relative(root, outDir)} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
