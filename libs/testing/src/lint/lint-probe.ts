import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '../../../..');

/**
 * The messages one ESLint rule reports for `source` as if it were the file `file` of the
 * repository (nothing is written). ESLint runs as its own process, as `nx lint` runs it: its
 * flat config is an ES module, which Jest's module sandbox cannot load.
 */
export function lintMessages(file: string, source: string, ruleId: string): string[] {
  const eslint = spawnSync(
    process.execPath,
    [join(root, 'node_modules/eslint/bin/eslint.js'), '--format', 'json', '--stdin', '--stdin-filename', join(root, file)],
    { cwd: root, input: source, encoding: 'utf8' },
  );
  if (eslint.status === 2 || !eslint.stdout) throw new Error(`eslint failed to run: ${eslint.stderr}`);
  const [result] = JSON.parse(eslint.stdout) as Array<{ messages: Array<{ ruleId: string | null; message: string }> }>;
  return result.messages.filter((m) => m.ruleId === ruleId).map((m) => m.message);
}
