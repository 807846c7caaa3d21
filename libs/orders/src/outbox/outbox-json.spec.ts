import { fromOutboxJson, toOutboxJson } from './outbox-json';

describe('outbox JSON', () => {
  it('keeps bigints past 2^53 exact through the round trip', () => {
    const payload = { totalMinor: 9223372036854775807n, lineItems: [{ unitPriceMinor: 9007199254740993n, quantity: 3 }], note: null };
    expect(fromOutboxJson(toOutboxJson(payload))).toEqual(payload);
  });

  it('leaves ordinary objects alone, including ones that merely contain a $bigint key among others', () => {
    const payload = { a: { $bigint: '1', other: true }, b: { $bigint: 'not digits' } };
    expect(fromOutboxJson(toOutboxJson(payload))).toEqual(payload);
  });
});
