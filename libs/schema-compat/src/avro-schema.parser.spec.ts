import { parseAvroSchema } from './avro-schema.parser';
import { SchemaCompatErrorCode } from './schema-compat.error';

describe('parseAvroSchema', () => {
  it.each([
    ['not JSON', '{"type": "record",', /not valid JSON/],
    ['an unknown type name', '{"type":"record","name":"A","fields":[{"name":"x","type":"Nope"}]}', /undefined type name: Nope/],
    ['a default of the wrong type', '{"type":"record","name":"A","fields":[{"name":"x","type":"int","default":"one"}]}', /incompatible field default/],
    ['a record without a name', '{"type":"record","fields":[]}', /invalid Avro schema/],
  ])('refuses %s with SCHEMA_COMPAT_INVALID_SCHEMA', (_case, text, message) => {
    expect(() => parseAvroSchema(text)).toThrow(expect.objectContaining({ code: SchemaCompatErrorCode.InvalidSchema, retriable: false, message: expect.stringMatching(message) }));
  });

  it('resolves names defined by references, dependencies first', () => {
    const references = [
      { name: 'acme.Money', schema: '{"type":"record","name":"Money","namespace":"acme","fields":[{"name":"cents","type":"long"}]}' },
      { name: 'acme.Line', schema: '{"type":"record","name":"Line","namespace":"acme","fields":[{"name":"price","type":"acme.Money"}]}' },
    ];
    const order = parseAvroSchema('{"type":"record","name":"Order","namespace":"acme","fields":[{"name":"lines","type":{"type":"array","items":"Line"}}]}', references);
    expect(order.type.isValid({ lines: [{ price: { cents: 5 } }] })).toBe(true);
    // The canonical form names the reference; it does not inline it.
    expect(order.canonical).toBe('{"name":"acme.Order","type":"record","fields":[{"name":"lines","type":{"type":"array","items":"acme.Line"}}]}');
  });

  it('refuses a broken reference with SCHEMA_COMPAT_INVALID_REFERENCE', () => {
    expect(() => parseAvroSchema('"int"', [{ name: 'Bad', schema: '{"type":"enum"}' }])).toThrow(
      expect.objectContaining({ code: SchemaCompatErrorCode.InvalidReference }),
    );
  });
});
