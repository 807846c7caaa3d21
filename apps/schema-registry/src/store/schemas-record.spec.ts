import {
  NOOP_KEY,
  configKey,
  decodeLogRecord,
  deleteSubjectKey,
  encodeConfigValue,
  encodeDeleteSubjectValue,
  encodeSchemaValue,
  schemaKey,
} from './schemas-record';

const buf = (text: string | null) => (text === null ? null : Buffer.from(text));

describe('_schemas records in Confluent format', () => {
  it('writes keys byte for byte as Confluent does, so compaction pairs them with its records', () => {
    expect(schemaKey('orders-value', 3)).toBe('{"keytype":"SCHEMA","subject":"orders-value","version":3,"magic":1}');
    expect(configKey(null)).toBe('{"keytype":"CONFIG","subject":null,"magic":0}');
    expect(configKey('orders-value')).toBe('{"keytype":"CONFIG","subject":"orders-value","magic":0}');
    expect(deleteSubjectKey('orders-value')).toBe('{"keytype":"DELETE_SUBJECT","subject":"orders-value","magic":0}');
    expect(NOOP_KEY).toBe('{"keytype":"NOOP","magic":0}');
  });

  it('round-trips a schema value, omitting schemaType for AVRO and empty references', () => {
    const value = { subject: 's', version: 2, id: 7, schema: '"string"', references: [], deleted: false };
    const text = encodeSchemaValue(value);
    expect(JSON.parse(text)).toEqual({ subject: 's', version: 2, id: 7, schema: '"string"', deleted: false });
    expect(decodeLogRecord(buf(schemaKey('s', 2)), buf(text))).toEqual({ kind: 'schema', subject: 's', version: 2, value });
  });

  it('reads a record Confluent wrote (other key order, extra fields)', () => {
    const key = '{"magic":1,"keytype":"SCHEMA","subject":"Car","version":1}';
    const value = '{"subject":"Car","version":1,"id":4,"md5":"abc","schema":"\\"int\\"","deleted":true,"references":[{"name":"x","subject":"y","version":2}]}';
    expect(decodeLogRecord(buf(key), buf(value))).toEqual({
      kind: 'schema',
      subject: 'Car',
      version: 1,
      value: { subject: 'Car', version: 1, id: 4, schema: '"int"', references: [{ name: 'x', subject: 'y', version: 2 }], deleted: true },
    });
  });

  it.each([
    ['a tombstone for a version', schemaKey('s', 1), null, { kind: 'schema', subject: 's', version: 1, value: null }],
    ['the global config', configKey(null), encodeConfigValue('FULL'), { kind: 'config', subject: null, level: 'FULL' }],
    ['a config written without subject', '{"keytype":"CONFIG","magic":0}', encodeConfigValue('NONE'), { kind: 'config', subject: null, level: 'NONE' }],
    ['a subject config removed', configKey('s'), null, { kind: 'config', subject: 's', level: null }],
    ['a subject soft delete', deleteSubjectKey('s'), encodeDeleteSubjectValue('s', 4), { kind: 'deleteSubject', subject: 's', upToVersion: 4 }],
    ['a noop', NOOP_KEY, null, { kind: 'noop' }],
  ])('decodes %s', (_case, key, value, expected) => {
    expect(decodeLogRecord(buf(key), buf(value))).toEqual(expected);
  });

  it.each([
    ['a key that is not JSON', 'garbage', '{}'],
    ['a value that is not JSON', schemaKey('s', 1), 'garbage'],
    ['a schema value without id', schemaKey('s', 1), '{"subject":"s","version":1,"schema":"\\"int\\""}'],
    ['an unknown compatibility level', configKey(null), '{"compatibilityLevel":"SIDEWAYS"}'],
    ['a MODE record', '{"keytype":"MODE","subject":null,"magic":0}', '{"mode":"READWRITE"}'],
  ])('ignores %s instead of stopping the reader', (_case, key, value) => {
    expect(decodeLogRecord(buf(key), buf(value))).toMatchObject({ kind: 'ignored' });
  });
});
