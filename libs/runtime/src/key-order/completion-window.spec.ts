import { CompletionWindow } from './completion-window';

describe('CompletionWindow', () => {
  it('never moves the watermark past an unfinished record', () => {
    const w = new CompletionWindow(10n);
    for (const o of [10n, 11n, 12n, 15n]) w.dispatch(o);
    expect(w.watermark).toBe(10n);
    w.finish(11n);
    w.finish(15n);
    expect(w.watermark).toBe(10n);
    expect(w.finishedAbove()).toEqual([11n, 15n]);
    expect(w.finish(10n)).toBe(2);
    expect(w.watermark).toBe(12n);
    expect(w.finishedAbove()).toEqual([15n]);
    w.finish(12n);
    // 13 and 14 were never dispatched (compacted away, or transaction markers): all done.
    expect(w.watermark).toBe(16n);
    expect(w.size).toBe(0);
  });

  it('starts at its first offset before anything is dispatched', () => {
    expect(new CompletionWindow(7n).watermark).toBe(7n);
  });

  it('refuses offsets dispatched out of order', () => {
    const w = new CompletionWindow(0n);
    w.dispatch(5n);
    expect(() => w.dispatch(5n)).toThrow(/out of order/);
  });

  it('holds up under many records finishing in random order', () => {
    const w = new CompletionWindow(0n);
    const n = 5_000;
    for (let o = 0n; o < BigInt(n); o++) w.dispatch(o);
    const order = Array.from({ length: n }, (_, i) => BigInt(i)).sort(() => Math.random() - 0.5);
    const done = new Set<bigint>();
    for (const o of order) {
      w.finish(o);
      done.add(o);
      let expected = 0n;
      while (done.has(expected)) expected++;
      if (Number(o) % 97 === 0) expect(w.watermark).toBe(expected);
    }
    expect(w.watermark).toBe(BigInt(n));
  });
});
