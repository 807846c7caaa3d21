/**
 * `nx run contracts:generate` writes TypeScript types for every schema in schemas/;
 * `nx run contracts:check-generated` (`--check`) changes nothing and exits 1 when the
 * committed files are not what the schemas produce — CI runs it so a schema change cannot
 * ship without its types.
 */
import { diffGeneratedFiles, isInSync, planGeneratedFiles, writeGeneratedFiles } from './generated-files';
import { loadSchemaFiles } from './schema-files';
import { GENERATED_DIR, SCHEMAS_DIR } from './workspace-paths';

function main(argv: readonly string[]): number {
  const check = argv.includes('--check');
  const plan = planGeneratedFiles(loadSchemaFiles(SCHEMAS_DIR));
  if (check) {
    const drift = diffGeneratedFiles(plan, GENERATED_DIR);
    if (isInSync(drift)) {
      console.log(`generated types are up to date (${plan.size} files)`);
      return 0;
    }
    for (const f of drift.stale) console.error(`stale:    libs/contracts/src/generated/${f}`);
    for (const f of drift.missing) console.error(`missing:  libs/contracts/src/generated/${f}`);
    for (const f of drift.orphaned) console.error(`orphaned: libs/contracts/src/generated/${f}`);
    console.error('generated types do not match schemas/; run `npx nx run contracts:generate` and commit the result');
    return 1;
  }
  const drift = writeGeneratedFiles(plan, GENERATED_DIR);
  const changed = drift.stale.length + drift.missing.length + drift.orphaned.length;
  console.log(`generated ${plan.size} files into libs/contracts/src/generated (${changed} changed)`);
  return 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (err) {
  console.error(`generate-types: ${(err as Error).message}`);
  process.exitCode = 2;
}
