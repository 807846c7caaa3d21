import { nextSpan } from './dead-letter-page';

describe('the next dead-letter window', () => {
  it('is sized from the match rate to fill the page in one more round, with a quarter to spare', () => {
    // 2 matches in 1,536 records over 6 partitions, 48 more wanted: 36,864 records, ×1.25 = 46,080, 7,680 per partition (+16).
    expect(nextSpan(256n, { needed: 48, scanned: 1_536, matched: 2, partitions: 6 })).toBe(7_696n);
  });

  it('grows ×8 while nothing matched', () => {
    expect(nextSpan(256n, { needed: 50, scanned: 1_536, matched: 0, partitions: 6 })).toBe(2_048n);
  });

  it('never shrinks below the first window, and stays put when nothing is needed', () => {
    expect(nextSpan(256n, { needed: 1, scanned: 1_000, matched: 900, partitions: 4 })).toBe(64n);
    expect(nextSpan(256n, { needed: 0, scanned: 1_000, matched: 50, partitions: 4 })).toBe(256n);
  });
});
