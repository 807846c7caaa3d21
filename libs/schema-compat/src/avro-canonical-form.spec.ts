import { canonicalAvroForm } from './avro-canonical-form';

const canonical = (text: string) => canonicalAvroForm(JSON.parse(text));

describe('canonicalAvroForm', () => {
  it.each([
    [
      'whitespace and key order',
      '{ "fields": [ {"type":"int", "name":"a"} ], "name": "A", "type": "record" }',
      '{"type":"record","name":"A","fields":[{"name":"a","type":"int"}]}',
    ],
    ['a wrapped primitive', '{"type":"record","name":"A","fields":[{"name":"a","type":{"type":"string"}}]}', '{"type":"record","name":"A","fields":[{"name":"a","type":"string"}]}'],
    [
      'a namespace attribute versus a qualified name',
      '{"type":"record","name":"A","namespace":"n","fields":[{"name":"b","type":{"type":"enum","name":"B","symbols":["X"]}},{"name":"c","type":"B"}]}',
      '{"type":"record","name":"n.A","fields":[{"name":"b","type":{"type":"enum","name":"n.B","symbols":["X"]}},{"name":"c","type":"n.B"}]}',
    ],
  ])('ignores %s', (_case, a, b) => {
    expect(canonical(a)).toBe(canonical(b));
  });

  it.each([
    ['a default', '{"name":"a","type":"int","default":1}', '{"name":"a","type":"int","default":2}'],
    ['a field alias', '{"name":"a","type":"int","aliases":["x"]}', '{"name":"a","type":"int"}'],
    ['a logical type', '{"name":"a","type":{"type":"long","logicalType":"timestamp-millis"}}', '{"name":"a","type":"long"}'],
    ['a doc', '{"name":"a","type":"int","doc":"age"}', '{"name":"a","type":"int"}'],
  ])('keeps %s, which makes another schema', (_case, fieldA, fieldB) => {
    const wrap = (field: string) => `{"type":"record","name":"A","fields":[${field}]}`;
    expect(canonical(wrap(fieldA))).not.toBe(canonical(wrap(fieldB)));
  });

  it('writes a primitive schema as its name', () => {
    expect(canonical('{"type":"string"}')).toBe('"string"');
    expect(canonical('"string"')).toBe('"string"');
  });
});
