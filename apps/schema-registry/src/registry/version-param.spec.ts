import { RegistryErrorCode } from './registry-error-code';
import { parseVersionParam } from './version-param';

describe('parseVersionParam', () => {
  it.each([
    ['latest', { latest: true }],
    ['-1', { latest: true }],
    ['1', { latest: false, version: 1 }],
    ['2147483647', { latest: false, version: 2147483647 }],
  ])('reads %s', (raw, expected) => {
    expect(parseVersionParam(raw)).toEqual(expected);
  });

  it.each(['0', '-2', '2147483648', 'one', '1.5', ''])('refuses %j with 42202', (raw) => {
    expect(() => parseVersionParam(raw)).toThrow(expect.objectContaining({ code: RegistryErrorCode.InvalidVersion, httpStatus: 422 }));
  });
});
