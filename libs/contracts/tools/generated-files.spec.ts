import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { diffGeneratedFiles, isInSync, planGeneratedFiles, writeGeneratedFiles } from './generated-files';
import { loadSchemaFiles } from './schema-files';
import { GENERATED_DIR, SCHEMAS_DIR } from './workspace-paths';

describe('generated types', () => {
  let work: string;
  beforeEach(() => {
    work = mkdtempSync(path.join(tmpdir(), 'eventline-contracts-'));
    cpSync(SCHEMAS_DIR, path.join(work, 'schemas'), { recursive: true });
  });
  afterEach(() => rmSync(work, { recursive: true, force: true }));

  const plan = () => planGeneratedFiles(loadSchemaFiles(path.join(work, 'schemas')));
  const out = () => path.join(work, 'generated');

  it('committed files match the schemas (what check-generated enforces in CI)', () => {
    const drift = diffGeneratedFiles(planGeneratedFiles(loadSchemaFiles(SCHEMAS_DIR)), GENERATED_DIR);
    expect(drift).toEqual({ stale: [], missing: [], orphaned: [] });
  });

  it('reports a file as stale when its schema gains a field', () => {
    writeGeneratedFiles(plan(), out());
    const file = path.join(work, 'schemas/orders/OrderPaid.avsc');
    const schema = JSON.parse(readFileSync(file, 'utf8'));
    schema.fields.push({ name: 'capturedBy', type: ['null', 'string'], default: null, doc: 'Operator.' });
    writeFileSync(file, JSON.stringify(schema));
    const drift = diffGeneratedFiles(plan(), out());
    expect(drift.stale).toEqual(['order-paid.ts']);
    expect(isInSync(drift)).toBe(false);
  });

  it('reports orphaned and missing files when a schema is renamed', () => {
    writeGeneratedFiles(plan(), out());
    const from = path.join(work, 'schemas/orders/OrderPaid.avsc');
    const schema = JSON.parse(readFileSync(from, 'utf8'));
    schema.name = 'OrderSettled';
    rmSync(from);
    writeFileSync(path.join(work, 'schemas/orders/OrderSettled.avsc'), JSON.stringify(schema));
    const drift = diffGeneratedFiles(plan(), out());
    expect(drift).toEqual({ stale: ['index.ts'], missing: ['order-settled.ts'], orphaned: ['order-paid.ts'] });
    writeGeneratedFiles(plan(), out());
    expect(isInSync(diffGeneratedFiles(plan(), out()))).toBe(true);
  });

  it.each([
    ['a field without doc', (s: any) => delete s.fields[0].doc, /orderId has no "doc"/],
    ['a union of two non-null types', (s: any) => (s.fields[0].type = ['int', 'string']), /only optional values/],
    ['no namespace', (s: any) => delete s.namespace, /namespace/],
    ['an invalid Avro type', (s: any) => (s.fields[0].type = 'uuid-ish'), /not a valid Avro schema/],
  ])('refuses %s, naming the file', (_case, mutate, message) => {
    const file = path.join(work, 'schemas/orders/OrderPaid.avsc');
    const schema = JSON.parse(readFileSync(file, 'utf8'));
    mutate(schema);
    writeFileSync(file, JSON.stringify(schema));
    expect(plan).toThrow(message);
    expect(plan).toThrow(/OrderPaid\.avsc/);
  });
});
