import { parseAvroSchema, type AvroSchema } from './avro-schema.parser';
import { checkCompatibility, describeVersionIncompatibility } from './compatibility.checker';
import { CompatibilityLevel } from './compatibility-level';
import { CheckDirection, IncompatibilityType, type IncompatibilityType as Kind } from './incompatibility';
import { readerWriterIncompatibilities } from './reader-writer.checker';

type Field = Record<string, unknown>;
const user = (fields: Field[], extra: Record<string, unknown> = {}) =>
  parseAvroSchema(JSON.stringify({ type: 'record', name: 'User', namespace: 'acme', fields, ...extra }));
const id = { name: 'id', type: 'string' };
const status = (symbols: string[], extra: Record<string, unknown> = {}) => ({ type: 'enum', name: 'Status', symbols, ...extra });
const address = (fields: Field[]) => ({ type: 'record', name: 'Address', fields });

/**
 * One schema change per row: `before` is the registered version, `after` the new one.
 * `backward` is what the new schema reading old data gives (undefined = readable), `forward`
 * what the old schema reading new data gives.
 */
interface Evolution {
  readonly change: string;
  readonly before: AvroSchema;
  readonly after: AvroSchema;
  readonly backward?: { type: Kind; path: string };
  readonly forward?: { type: Kind; path: string };
}

const evolutions: Evolution[] = [
  {
    change: 'optional field with default added',
    before: user([id]),
    after: user([id, { name: 'email', type: ['null', 'string'], default: null }]),
  },
  {
    change: 'required field added',
    before: user([id]),
    after: user([id, { name: 'email', type: 'string' }]),
    backward: { type: IncompatibilityType.ReaderFieldMissingDefaultValue, path: '/fields/email' },
  },
  {
    change: 'field without default removed',
    before: user([id, { name: 'email', type: 'string' }]),
    after: user([id]),
    forward: { type: IncompatibilityType.ReaderFieldMissingDefaultValue, path: '/fields/email' },
  },
  {
    change: 'field with default removed',
    before: user([id, { name: 'email', type: 'string', default: '' }]),
    after: user([id]),
  },
  {
    change: 'field type changed int -> string',
    before: user([id, { name: 'age', type: 'int' }]),
    after: user([id, { name: 'age', type: 'string' }]),
    backward: { type: IncompatibilityType.TypeMismatch, path: '/fields/age' },
    forward: { type: IncompatibilityType.TypeMismatch, path: '/fields/age' },
  },
  {
    change: 'field type promoted int -> long',
    before: user([id, { name: 'age', type: 'int' }]),
    after: user([id, { name: 'age', type: 'long' }]),
    forward: { type: IncompatibilityType.TypeMismatch, path: '/fields/age' },
  },
  {
    change: 'field type promoted float -> double',
    before: user([id, { name: 'score', type: 'float' }]),
    after: user([id, { name: 'score', type: 'double' }]),
    forward: { type: IncompatibilityType.TypeMismatch, path: '/fields/score' },
  },
  {
    change: 'string <-> bytes',
    before: user([id, { name: 'blob', type: 'string' }]),
    after: user([id, { name: 'blob', type: 'bytes' }]),
  },
  {
    change: 'field renamed with an alias',
    before: user([id, { name: 'mail', type: 'string' }]),
    after: user([id, { name: 'email', type: 'string', aliases: ['mail'] }]),
    // The old schema has no alias back to "email".
    forward: { type: IncompatibilityType.ReaderFieldMissingDefaultValue, path: '/fields/mail' },
  },
  {
    change: 'field renamed without an alias',
    before: user([id, { name: 'mail', type: 'string' }]),
    after: user([id, { name: 'email', type: 'string' }]),
    backward: { type: IncompatibilityType.ReaderFieldMissingDefaultValue, path: '/fields/email' },
    forward: { type: IncompatibilityType.ReaderFieldMissingDefaultValue, path: '/fields/mail' },
  },
  {
    change: 'record renamed with an alias',
    before: user([id]),
    after: parseAvroSchema(JSON.stringify({ type: 'record', name: 'Customer', namespace: 'acme', aliases: ['User'], fields: [id] })),
    forward: { type: IncompatibilityType.NameMismatch, path: '/name' },
  },
  {
    change: 'record moved to another namespace',
    before: user([id]),
    after: user([id], { namespace: 'acme.v2' }),
  },
  {
    change: 'enum symbol added',
    before: user([id, { name: 'status', type: status(['ACTIVE', 'CLOSED']) }]),
    after: user([id, { name: 'status', type: status(['ACTIVE', 'CLOSED', 'FROZEN']) }]),
    forward: { type: IncompatibilityType.MissingEnumSymbols, path: '/fields/status/symbols' },
  },
  {
    change: 'enum symbol removed',
    before: user([id, { name: 'status', type: status(['ACTIVE', 'CLOSED', 'FROZEN']) }]),
    after: user([id, { name: 'status', type: status(['ACTIVE', 'CLOSED']) }]),
    backward: { type: IncompatibilityType.MissingEnumSymbols, path: '/fields/status/symbols' },
  },
  {
    change: 'enum symbol removed, reader enum has a default',
    before: user([id, { name: 'status', type: status(['ACTIVE', 'CLOSED', 'FROZEN'], { default: 'ACTIVE' }) }]),
    after: user([id, { name: 'status', type: status(['ACTIVE', 'CLOSED'], { default: 'ACTIVE' }) }]),
  },
  {
    change: 'union widened',
    before: user([id, { name: 'ref', type: ['null', 'string'] }]),
    after: user([id, { name: 'ref', type: ['null', 'string', 'long'] }]),
    forward: { type: IncompatibilityType.MissingUnionBranch, path: '/fields/ref' },
  },
  {
    change: 'union narrowed',
    before: user([id, { name: 'ref', type: ['null', 'string', 'long'] }]),
    after: user([id, { name: 'ref', type: ['null', 'string'] }]),
    backward: { type: IncompatibilityType.MissingUnionBranch, path: '/fields/ref' },
  },
  {
    change: 'plain type made nullable',
    before: user([id, { name: 'ref', type: 'string' }]),
    after: user([id, { name: 'ref', type: ['null', 'string'], default: null }]),
    forward: { type: IncompatibilityType.TypeMismatch, path: '/fields/ref' },
  },
  {
    change: 'nested record gains a required field',
    before: user([id, { name: 'home', type: address([{ name: 'city', type: 'string' }]) }]),
    after: user([id, { name: 'home', type: address([{ name: 'city', type: 'string' }, { name: 'zip', type: 'string' }]) }]),
    backward: { type: IncompatibilityType.ReaderFieldMissingDefaultValue, path: '/fields/home/fields/zip' },
  },
  {
    change: 'array items promoted int -> double',
    before: user([id, { name: 'scores', type: { type: 'array', items: 'int' } }]),
    after: user([id, { name: 'scores', type: { type: 'array', items: 'double' } }]),
    forward: { type: IncompatibilityType.TypeMismatch, path: '/fields/scores/items' },
  },
  {
    change: 'fixed size changed',
    before: user([id, { name: 'hash', type: { type: 'fixed', name: 'Hash', size: 16 } }]),
    after: user([id, { name: 'hash', type: { type: 'fixed', name: 'Hash', size: 32 } }]),
    backward: { type: IncompatibilityType.FixedSizeMismatch, path: '/fields/hash/size' },
    forward: { type: IncompatibilityType.FixedSizeMismatch, path: '/fields/hash/size' },
  },
];

const levels = Object.values(CompatibilityLevel);

describe('checkCompatibility against one earlier version', () => {
  describe.each(evolutions)('$change', (evolution) => {
    const previous = [{ version: 1, schema: evolution.before }];

    it.each(levels)('under %s', (level) => {
      const result = checkCompatibility(level, evolution.after, previous);
      const backwardOk = evolution.backward === undefined;
      const forwardOk = evolution.forward === undefined;
      const expected: Record<CompatibilityLevel, boolean> = {
        NONE: true,
        BACKWARD: backwardOk,
        BACKWARD_TRANSITIVE: backwardOk,
        FORWARD: forwardOk,
        FORWARD_TRANSITIVE: forwardOk,
        FULL: backwardOk && forwardOk,
        FULL_TRANSITIVE: backwardOk && forwardOk,
      };
      expect(result.compatible).toBe(expected[level]);
      expect(result.incompatibilities.length === 0).toBe(result.compatible);
    });

    it('names the broken rule and where, in both directions', () => {
      const backward = readerWriterIncompatibilities(evolution.after.type, evolution.before.type);
      const forward = readerWriterIncompatibilities(evolution.before.type, evolution.after.type);
      expect(backward.map(({ type, path }) => ({ type, path }))).toEqual(evolution.backward ? [evolution.backward] : []);
      expect(forward.map(({ type, path }) => ({ type, path }))).toEqual(evolution.forward ? [evolution.forward] : []);
    });
  });
});

describe('transitive levels look at every earlier version, the others at the latest only', () => {
  it('BACKWARD passes against the latest while BACKWARD_TRANSITIVE fails on version 1', () => {
    const v1 = user([id]);
    const v2 = user([id, { name: 'email', type: 'string', default: '' }]);
    const candidate = user([id, { name: 'email', type: 'string' }]);
    const previous = [
      { version: 1, schema: v1 },
      { version: 2, schema: v2 },
    ];
    expect(checkCompatibility(CompatibilityLevel.Backward, candidate, previous).compatible).toBe(true);
    const transitive = checkCompatibility(CompatibilityLevel.BackwardTransitive, candidate, previous);
    expect(transitive.compatible).toBe(false);
    expect(transitive.incompatibilities).toEqual([
      expect.objectContaining({ version: 1, direction: CheckDirection.NewReadsOld, path: '/fields/email' }),
    ]);
  });

  it.each([
    [CompatibilityLevel.Forward, true],
    [CompatibilityLevel.ForwardTransitive, false],
    [CompatibilityLevel.Full, true],
    [CompatibilityLevel.FullTransitive, false],
  ])('%s: dropping a field that only version 2 gave a default is %s', (level, compatible) => {
    const previous = [
      { version: 1, schema: user([id, { name: 'age', type: 'int' }]) },
      { version: 2, schema: user([id, { name: 'age', type: 'int', default: 0 }]) },
    ];
    const result = checkCompatibility(level, user([id]), previous);
    expect(result.compatible).toBe(compatible);
    if (!compatible) {
      expect(result.incompatibilities).toEqual([
        expect.objectContaining({ version: 1, direction: CheckDirection.OldReadsNew, type: IncompatibilityType.ReaderFieldMissingDefaultValue }),
      ]);
    }
  });

  it('is compatible with nothing to compare against', () => {
    expect(checkCompatibility(CompatibilityLevel.FullTransitive, user([id]), []).compatible).toBe(true);
  });
});

describe('describeVersionIncompatibility', () => {
  it('says which field breaks which rule, against which version, in which direction', () => {
    const result = checkCompatibility(CompatibilityLevel.Backward, user([id, { name: 'email', type: 'string' }]), [
      { version: 3, schema: user([id]) },
    ]);
    expect(result.incompatibilities.map(describeVersionIncompatibility)).toEqual([
      "READER_FIELD_MISSING_DEFAULT_VALUE at /fields/email: field 'email' has no default and the writer's 'acme.User' has no such field (new schema reading data written with version 3)",
    ]);
  });
});

describe('recursive schemas', () => {
  const node = (extra: Field[]) =>
    parseAvroSchema(
      JSON.stringify({
        type: 'record',
        name: 'Node',
        fields: [{ name: 'value', type: 'int' }, { name: 'next', type: ['null', 'Node'], default: null }, ...extra],
      }),
    );

  it('terminates and finds a change below the recursion', () => {
    expect(readerWriterIncompatibilities(node([]).type, node([]).type)).toEqual([]);
    expect(readerWriterIncompatibilities(node([{ name: 'label', type: 'string' }]).type, node([]).type)).toEqual([
      expect.objectContaining({ type: IncompatibilityType.ReaderFieldMissingDefaultValue, path: '/fields/label' }),
    ]);
  });
});
