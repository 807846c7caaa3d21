import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * Compiles one TypeScript entry (and everything it imports, through the workspace's path
 * aliases) to plain JavaScript with tsc, so a child process can run it with `node` alone.
 * What a deployed service runs is compiled JavaScript; running it through @swc-node/register
 * instead would load the TypeScript compiler and the swc binding into the process (about
 * 130 MiB of RSS before the first line of ours runs) and bill them to whatever is measured.
 *
 * The `@eventline/*` aliases become small package stubs in the output's node_modules that
 * point at the compiled libraries; third-party packages resolve from the workspace's
 * node_modules as usual (the output lives under `dist/`, inside the workspace).
 */
export function compileScript(root: string, entry: string, outName: string): string {
  const outDir = join(root, 'dist', outName);
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const tsconfig = join(outDir, 'tsconfig.json');
  writeFileSync(
    tsconfig,
    JSON.stringify({
      extends: join(root, 'tsconfig.base.json'),
      // Types are checked by the build target; this only emits.
      compilerOptions: { outDir, rootDir: root, noEmit: false, noCheck: true, sourceMap: false, incremental: false, types: ['node'] },
      files: [join(root, entry)],
    }),
  );
  execFileSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', tsconfig], { cwd: root, stdio: 'pipe' });
  const base = JSON.parse(readFileSync(join(root, 'tsconfig.base.json'), 'utf8')) as { compilerOptions: { paths: Record<string, string[]> } };
  for (const [alias, [target]] of Object.entries(base.compilerOptions.paths)) {
    const stub = join(outDir, 'node_modules', alias);
    mkdirSync(stub, { recursive: true });
    writeFileSync(join(stub, 'package.json'), JSON.stringify({ name: alias, main: relative(stub, join(outDir, target.replace(/\.ts$/, '.js'))) }));
  }
  return join(outDir, entry.replace(/\.ts$/, '.js'));
}

