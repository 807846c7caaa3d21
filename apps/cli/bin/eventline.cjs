#!/usr/bin/env node
// `npx eventline …` entry point. Runs the compiled CLI (dist/cli, built by `npm install` and
// `nx build cli`) when it is at least as new as the sources; otherwise the TypeScript through
// swc-node, as `npm start` runs the pipeline, so an edit is never run stale. The workspace
// tsconfig is named by absolute path: npx may run us from any directory, and the
// "@eventline/*" path aliases must resolve against the repository root.
const path = require('node:path');
const { freshBuild } = require('../tools/cli-build-freshness.cjs');

const root = path.join(__dirname, '..', '..', '..');
const compiled = process.env.EVENTLINE_CLI_FROM_SOURCE === '1' ? undefined : freshBuild(root);
if (compiled) {
  require(compiled);
} else {
  process.env.SWC_NODE_PROJECT = path.join(root, 'tsconfig.base.json');
  require('@swc-node/register');
  require('../src/main.ts');
}
