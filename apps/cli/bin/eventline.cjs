#!/usr/bin/env node
// `npx eventline …` entry point. The CLI is TypeScript run through swc-node (as `npm start`
// runs the pipeline), so there is no build step between an edit and the next command. The
// workspace tsconfig is named by absolute path: npx may run us from any directory, and the
// "@eventline/*" path aliases must resolve against the repository root.
const path = require('node:path');

process.env.SWC_NODE_PROJECT = path.join(__dirname, '..', '..', '..', 'tsconfig.base.json');
require('@swc-node/register');
require('../src/main.ts');
