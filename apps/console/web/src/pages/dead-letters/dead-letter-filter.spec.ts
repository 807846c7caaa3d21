import { filterFromParams, filterIsEmpty } from './dead-letter-filter';

describe('the dead-letter filter from the page URL', () => {
  it.each<[string, string, unknown]>([
    ['nothing', '', {}],
    ['blank values left out', 'errorCode=&key=%20', {}],
    ['every field', 'errorCode=POISON&sourceTopic=orders&sourcePartition=2&key=k&eventType=OrderPlaced&from=2026-12-01T00:00:00.000Z&to=2026-12-02T00:00:00.000Z', { errorCode: 'POISON', sourceTopic: 'orders', sourcePartition: 2, key: 'k', eventType: 'OrderPlaced', from: '2026-12-01T00:00:00.000Z', to: '2026-12-02T00:00:00.000Z' }],
    ['a partition that is not a number dropped', 'sourcePartition=two&errorCode=X', { errorCode: 'X' }],
    ['unknown parameters ignored', 'cursor=abc&errorCode=X', { errorCode: 'X' }],
  ])('%s', (_name, search, expected) => {
    expect(filterFromParams(new URLSearchParams(search))).toEqual(expected);
  });

  it('knows an empty filter (redrive "all" instead of "all matching")', () => {
    expect(filterIsEmpty({})).toBe(true);
    expect(filterIsEmpty({ key: 'k' })).toBe(false);
  });
});
