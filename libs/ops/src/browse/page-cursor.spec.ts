import { OpsErrorCode } from '../errors/ops.error';
import { decodePageCursor, encodePageCursor } from './page-cursor';

describe('page cursor', () => {
  it('carries offsets beyond 2^53 exactly', () => {
    const cursor = new Map([
      [0, 9_007_199_254_740_993n],
      [3, 0n],
    ]);
    expect(decodePageCursor(encodePageCursor(cursor))).toEqual(cursor);
  });

  it('is URL-safe', () => {
    expect(encodePageCursor(new Map([[12, 123456789n]]))).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it('refuses a cursor it did not make, naming the field', () => {
    for (const bad of ['', 'garbage', Buffer.from('0:-1').toString('base64url'), Buffer.from('x:1').toString('base64url')]) {
      expect(() => decodePageCursor(bad)).toThrow(expect.objectContaining({ code: OpsErrorCode.BadArgument, detail: { fields: ['cursor'] } }));
    }
  });
});
