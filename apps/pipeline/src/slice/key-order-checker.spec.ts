import { KeyOrderChecker } from './key-order-checker';

describe('KeyOrderChecker', () => {
  const cases: Array<{ name: string; seen: Array<[string, number]>; violations: number; duplicates: number }> = [
    { name: 'in-order keys interleaved', seen: [['a', 0], ['b', 0], ['a', 1], ['b', 1]], violations: 0, duplicates: 0 },
    { name: 'a skipped sequence', seen: [['a', 0], ['a', 2]], violations: 1, duplicates: 0 },
    { name: 'a key starting past 0', seen: [['a', 1]], violations: 1, duplicates: 0 },
    { name: 'a redelivery of an earlier record', seen: [['a', 0], ['a', 1], ['a', 0], ['a', 1], ['a', 2]], violations: 0, duplicates: 2 },
    { name: 'a swap of two records of one key', seen: [['a', 1], ['a', 0]], violations: 1, duplicates: 1 },
  ];

  it.each(cases)('counts $violations violation(s) and $duplicates duplicate(s) for $name', ({ seen, violations, duplicates }) => {
    const checker = new KeyOrderChecker();
    for (const [key, seq] of seen) checker.record(key, seq);
    expect(checker.summary).toMatchObject({ received: seen.length, violations, duplicates });
  });
});
