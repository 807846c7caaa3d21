import { isoToLocalInput, localInputToIso, orDash, parsePartitions } from './format';

describe('display and input helpers', () => {
  it.each<[string, number[] | undefined]>([
    ['', undefined],
    ['  ', undefined],
    ['0', [0]],
    ['0, 2 5', [0, 2, 5]],
  ])('partitions %j → %j', (text, expected) => {
    expect(parsePartitions(text)).toEqual(expected);
  });

  it('refuses a partition that is not a number', () => {
    expect(() => parsePartitions('1,-2')).toThrow('"-2" is not a partition number');
  });

  it('round-trips a datetime-local value through ISO', () => {
    const iso = localInputToIso('2026-12-01T12:34:56');
    expect(iso).toMatch(/^2026-12-0[12]T\d\d:\d\d:56\.000Z$/);
    expect(isoToLocalInput(iso)).toBe('2026-12-01T12:34:56');
    expect(localInputToIso('')).toBe('');
    expect(isoToLocalInput(null)).toBe('');
  });

  it('shows a dash for nothing, and an offset string as it is', () => {
    expect([orDash(null), orDash(undefined), orDash(''), orDash('9007199254740993'), orDash(0)]).toEqual(['—', '—', '—', '9007199254740993', '0']);
  });
});
