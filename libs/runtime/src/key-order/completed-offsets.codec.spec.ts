import { decodeCompletedOffsets, encodeCompletedOffsets } from './completed-offsets.codec';

describe('completed-offsets codec (commit metadata for key order)', () => {
  it.each<[string, bigint, bigint[], string]>([
    ['nothing above the watermark', 1000n, [], 'ko1:'],
    ['one offset', 1000n, [1001n], 'ko1:1'],
    ['a run and a single', 1000n, [1001n, 1002n, 1003n, 1040n], 'ko1:1-3,14'],
    ['offsets far above 2^53', 9007199254740993n, [9007199254740995n, 9007199254740996n], 'ko1:2-3'],
  ])('round-trips %s', (_name, watermark, finished, encoded) => {
    expect(encodeCompletedOffsets(watermark, finished)).toBe(encoded);
    expect([...decodeCompletedOffsets(watermark, encoded)].sort()).toEqual(finished);
  });

  it.each([[null], [''], ['done:4'], ['ko1:0'], ['ko1:5-2'], ['ko1:x!']])('reads %p as nothing finished', (metadata) => {
    expect(decodeCompletedOffsets(10n, metadata as string | null).size).toBe(0);
  });

  it('stays small for a long run of finished offsets', () => {
    const finished = Array.from({ length: 10_000 }, (_, i) => 101n + BigInt(i));
    expect(encodeCompletedOffsets(100n, finished).length).toBeLessThan(20);
  });
});
