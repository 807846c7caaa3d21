import { renderSchemaModule } from './avro-to-typescript';

describe('renderSchemaModule', () => {
  const render = (type: unknown) =>
    renderSchemaModule({
      relativePath: 'schemas/t.avsc',
      schema: { type: 'record', name: 'T', namespace: 'x', fields: [{ name: 'f', doc: 'd', type: type as never }] },
    }).content;

  it.each([
    ['long', 'bigint'],
    [{ type: 'long', logicalType: 'timestamp-millis' }, 'number'],
    ['int', 'number'],
    ['double', 'number'],
    ['boolean', 'boolean'],
    ['bytes', 'Buffer'],
    [{ type: 'fixed', name: 'F', size: 4 }, 'Buffer'],
    [['null', 'string'], 'string | null'],
    [{ type: 'array', items: ['null', 'long'] }, 'readonly (bigint | null)[]'],
    [{ type: 'map', values: 'int' }, 'Readonly<Record<string, number>>'],
    [{ type: 'enum', name: 'E', symbols: ['A', 'B'] }, 'E'],
  ])('maps %j to %s', (avroType, tsType) => {
    expect(render(avroType)).toContain(`readonly f: ${tsType};`);
  });

  it('declares enums as unions of their symbols', () => {
    expect(render({ type: 'enum', name: 'E', symbols: ['A', 'B'] })).toContain("export type E = 'A' | 'B';");
  });
});
