import { resetRequestFrom, type ResetFormValues } from './reset-request';

const form = (patch: Partial<ResetFormValues>): ResetFormValues => ({ topics: 'orders', partitions: '', kind: 'earliest', value: '', ...patch });

describe('the reset form as the API request', () => {
  it.each<[string, Partial<ResetFormValues>, unknown]>([
    ['to earliest, every partition', {}, { topics: [{ topic: 'orders' }], target: { kind: 'earliest' } }],
    ['to latest ignores a leftover value', { kind: 'latest', value: '12' }, { topics: [{ topic: 'orders' }], target: { kind: 'latest' } }],
    ['two topics, some partitions', { topics: 'orders, shipments', partitions: '0 2' }, { topics: [{ topic: 'orders', partitions: [0, 2] }, { topic: 'shipments', partitions: [0, 2] }], target: { kind: 'earliest' } }],
    ['an offset beyond 2^53 stays a string', { kind: 'offset', value: ' 9007199254740993 ' }, { topics: [{ topic: 'orders' }], target: { kind: 'offset', value: '9007199254740993' } }],
    ['a signed shift', { kind: 'shift', value: '-100' }, { topics: [{ topic: 'orders' }], target: { kind: 'shift', value: '-100' } }],
    ['a duration back', { kind: 'duration', value: '15m' }, { topics: [{ topic: 'orders' }], target: { kind: 'duration', value: '15m' } }],
  ])('%s', (_name, patch, expected) => {
    expect(resetRequestFrom(form(patch))).toEqual(expected);
  });

  it.each<[string, Partial<ResetFormValues>, RegExp]>([
    ['no topic', { topics: ' , ' }, /at least one topic/],
    ['a time reset without a time', { kind: 'time' }, /A time reset needs a value/],
    ['a partition that is not a number', { partitions: '0, x' }, /"x" is not a partition number/],
  ])('refuses %s in a sentence', (_name, patch, message) => {
    expect(() => resetRequestFrom(form(patch))).toThrow(message);
  });
});
