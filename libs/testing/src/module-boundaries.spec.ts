/**
 * The Nx module-boundary rule must really refuse imports that cross a tag boundary; tags
 * that let everything through would make the architecture a suggestion. These lint probe
 * sources as if they lived in a project, without writing them to disk.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '../../..');
const BOUNDARY_RULE = '@nx/enforce-module-boundaries';

// ESLint runs as its own process (as `nx lint` runs it): its flat config is an ES module,
// which Jest's module sandbox cannot load.
async function boundaryErrors(file: string, source: string): Promise<string[]> {
  const eslint = spawnSync(
    process.execPath,
    [join(root, 'node_modules/eslint/bin/eslint.js'), '--format', 'json', '--stdin', '--stdin-filename', join(root, file)],
    { cwd: root, input: source, encoding: 'utf8' },
  );
  if (eslint.status === 2 || !eslint.stdout) throw new Error(`eslint failed to run: ${eslint.stderr}`);
  const [result] = JSON.parse(eslint.stdout) as Array<{ messages: Array<{ ruleId: string | null; message: string }> }>;
  return result.messages.filter((m) => m.ruleId === BOUNDARY_RULE).map((m) => m.message);
}

describe('module boundaries enforced by lint', () => {
  beforeAll(() => {
    // The rule reads Nx's cached project graph; make sure it exists and is current.
    execFileSync(process.execPath, [require.resolve('nx/bin/nx'), 'show', 'projects'], { cwd: root, stdio: 'ignore' });
  }, 60_000);

  const importHarness = "import { uniqueName } from '@eventline/testing';\nexport const name = uniqueName('x');\n";

  it('refuses the test harness in an app’s production code', async () => {
    const errors = await boundaryErrors('apps/pipeline/src/probe.ts', importHarness);
    expect(errors.join('\n')).toMatch(/type:app.*can only depend on libs tagged with/s);
  });

  it('allows the test harness in an app’s test files', async () => {
    expect(await boundaryErrors('apps/pipeline/test/probe.int-spec.ts', importHarness)).toEqual([]);
  });

  it('refuses the test harness in dev tooling', async () => {
    const errors = await boundaryErrors('libs/local-kafka/src/probe.ts', importHarness);
    expect(errors.length).toBeGreaterThan(0);
  });

  it('refuses a relative import that reaches into another project', async () => {
    const errors = await boundaryErrors('apps/pipeline/src/probe.ts', "export { LocalKafka } from '../../../libs/local-kafka/src/local-kafka';\n");
    expect(errors.join('\n')).toMatch(/relative|must be imported/i);
  });
});
