import { peerOrder } from './peer-order';

describe('the order of peers in a repetition', () => {
  it.each([
    [1, 'ABCD'],
    [2, 'BADC'],
    [3, 'CDAB'],
    [4, 'DCBA'],
    [5, 'ABCD'],
  ])('repetition %i runs %s', (rep, expected) => {
    expect(peerOrder([...'ABCD'], rep).join('')).toBe(expected);
  });

  it('lets each peer go first in turn', () => {
    expect([1, 2, 3, 4].map((rep) => peerOrder([...'ABCD'], rep)[0]).join('')).toBe('ABCD');
  });

  it('gives a peer more than one predecessor over the repetitions', () => {
    const before = new Set([1, 2, 3, 4, 5].map((rep) => peerOrder([...'ABCDEFG'], rep)).map((order) => order[order.indexOf('D') - 1] ?? 'first'));
    expect(before.size).toBeGreaterThan(1);
  });

  it('keeps every peer exactly once', () => {
    for (let rep = 1; rep <= 9; rep++) expect([...peerOrder([...'ABCDEFG'], rep)].sort().join('')).toBe('ABCDEFG');
  });
});
