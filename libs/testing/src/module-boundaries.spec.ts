/**
 * The Nx module-boundary rule must really refuse imports that cross a tag boundary; tags
 * that let everything through would make the architecture a suggestion. These lint probe
 * sources as if they lived in a project, without writing them to disk.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { lintMessages } from './lint/lint-probe';

const root = join(__dirname, '../../..');
const BOUNDARY_RULE = '@nx/enforce-module-boundaries';

async function boundaryErrors(file: string, source: string): Promise<string[]> {
  return lintMessages(file, source, BOUNDARY_RULE);
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
