import { ApplyOutcome, RegistryState } from './registry-state';
import type { SchemaValue } from './schemas-record';

const value = (subject: string, version: number, id: number, schema: string, deleted = false): SchemaValue => ({
  subject,
  version,
  id,
  schema,
  references: [],
  deleted,
});
const put = (v: SchemaValue) => ({ kind: 'schema', subject: v.subject, version: v.version, value: v }) as const;
const tombstone = (subject: string, version: number) => ({ kind: 'schema', subject, version, value: null }) as const;

describe('RegistryState', () => {
  it('gives the first record that claims an id the id; a later claim for another schema is rejected', () => {
    const state = new RegistryState();
    expect(state.apply(put(value('a', 1, 1, '"int"')))).toBe(ApplyOutcome.Applied);
    expect(state.apply(put(value('b', 1, 1, '"long"')))).toBe(ApplyOutcome.RejectedIdTaken);
    expect(state.schemaById(1)?.schema).toBe('"int"');
    expect(state.subjectNames(true)).toEqual(['a']);
  });

  it('lets another subject reuse an id for the same schema', () => {
    const state = new RegistryState();
    state.apply(put(value('a', 1, 1, '"int"')));
    expect(state.apply(put(value('b', 1, 1, '"int"')))).toBe(ApplyOutcome.Applied);
    expect(state.usesOf(1, false).map((v) => v.subject)).toEqual(['a', 'b']);
  });

  it('rejects a second schema for a version that is taken, but accepts a soft delete of it', () => {
    const state = new RegistryState();
    state.apply(put(value('a', 1, 1, '"int"')));
    expect(state.apply(put(value('a', 1, 2, '"long"')))).toBe(ApplyOutcome.RejectedVersionTaken);
    expect(state.apply(put(value('a', 1, 1, '"int"', true)))).toBe(ApplyOutcome.Applied);
    expect(state.versionsOf('a', false)).toEqual([]);
    expect(state.versionsOf('a', true)).toEqual([value('a', 1, 1, '"int"', true)]);
  });

  it('soft-deletes every version up to the one a DELETE_SUBJECT record names', () => {
    const state = new RegistryState();
    state.apply(put(value('a', 1, 1, '"int"')));
    state.apply(put(value('a', 2, 2, '"long"')));
    state.apply({ kind: 'deleteSubject', subject: 'a', upToVersion: 1 });
    expect(state.versionsOf('a', false).map((v) => v.version)).toEqual([2]);
    expect(state.highestVersion('a')).toBe(2);
  });

  it('keeps an id readable until the last version using it is hard-deleted, and never hands it out again', () => {
    const state = new RegistryState();
    state.apply(put(value('a', 1, 5, '"int"')));
    state.apply(put(value('b', 1, 5, '"int"')));
    state.apply(tombstone('a', 1));
    expect(state.schemaById(5)).toBeDefined();
    state.apply(tombstone('b', 1));
    expect(state.schemaById(5)).toBeUndefined();
    expect(state.subjectNames(true)).toEqual([]);
    expect(state.maxId).toBe(5);
  });

  it('sets and unsets compatibility levels per subject and globally', () => {
    const state = new RegistryState();
    state.apply({ kind: 'config', subject: null, level: 'FULL' });
    state.apply({ kind: 'config', subject: 'a', level: 'NONE' });
    expect([state.level(null), state.level('a')]).toEqual(['FULL', 'NONE']);
    state.apply({ kind: 'config', subject: 'a', level: null });
    expect(state.level('a')).toBeUndefined();
  });
});
