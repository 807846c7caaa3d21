import path from 'node:path';

/** Paths the contract tools work on, resolved from this file so any cwd works. */
export const WORKSPACE_ROOT = path.resolve(__dirname, '../../..');
export const SCHEMAS_DIR = path.join(WORKSPACE_ROOT, 'schemas');
export const GENERATED_DIR = path.join(WORKSPACE_ROOT, 'libs/contracts/src/generated');
