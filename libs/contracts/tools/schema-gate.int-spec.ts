// Expected: against a real registry, a new subject passes, `register` registers every schema file,
// and a breaking change fails naming the subject with the registry's reasons (exit 1).
import { deleteSchemaTopics, startSchemaRegistry, type SchemaRegistryProcess } from '@eventline/testing';
import { loadSchemaFiles, type SchemaFile } from './schema-files';
import { GateCommand, GateExit, runSchemaGate } from './schema-gate.runner';
import { SCHEMAS_DIR } from './workspace-paths';

describe('schema gate against the registry', () => {
  let registry: SchemaRegistryProcess;
  beforeAll(async () => {
    registry = await startSchemaRegistry();
  });
  afterAll(async () => {
    await registry?.stop();
    if (registry) await deleteSchemaTopics([registry.topic]);
  });

  const gate = async (command: GateCommand, files: readonly SchemaFile[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const exit = await runSchemaGate({ command, registryUrl: registry.url, files, out: (l) => out.push(l), err: (l) => err.push(l) });
    return { exit, out: out.join('\n'), err: err.join('\n') };
  };

  it('passes new subjects, registers them, then fails a breaking change naming its subject', async () => {
    const files = loadSchemaFiles(SCHEMAS_DIR);
    const fresh = await gate(GateCommand.Check, files);
    expect(fresh.exit).toBe(GateExit.Ok);
    expect(fresh.out).toContain('ok   orders-dev.eventline.orders.OrderPlaced (new subject)');

    const registered = await gate(GateCommand.Register, files);
    expect(registered.exit).toBe(GateExit.Ok);
    expect(registered.out.split('\n')).toHaveLength(files.length);

    expect((await gate(GateCommand.Check, files)).exit).toBe(GateExit.Ok);

    const breaking = files.map((f) =>
      f.schema.name === 'OrderPaid'
        ? { ...f, schema: { ...f.schema, fields: [...f.schema.fields, { name: 'refundable', type: 'boolean', doc: 'No default: breaks BACKWARD.' }] } }
        : f,
    );
    const failed = await gate(GateCommand.Check, breaking);
    expect(failed.exit).toBe(GateExit.Failed);
    expect(failed.err).toContain('FAIL orders-dev.eventline.orders.OrderPaid');
    expect(failed.err).toMatch(/refundable/);
    expect(failed.err).not.toContain('OrderPlaced');
  });
});
