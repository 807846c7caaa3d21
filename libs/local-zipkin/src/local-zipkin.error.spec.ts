import { Classification, classificationOf, isClassifiedError } from '@eventline/errors';
import { LocalZipkinError, LocalZipkinErrorCode } from './local-zipkin.error';

const { Transient, Final } = Classification;

describe('LocalZipkinError implements the classified-error protocol', () => {
  it.each<[LocalZipkinErrorCode, Classification]>([
    [LocalZipkinErrorCode.JavaMissing, Final],
    [LocalZipkinErrorCode.JavaTooOld, Final],
    [LocalZipkinErrorCode.MavenMissing, Final],
    [LocalZipkinErrorCode.JarUnavailable, Transient],
    [LocalZipkinErrorCode.PortTaken, Final],
    [LocalZipkinErrorCode.InvalidOption, Final],
    [LocalZipkinErrorCode.ExitedEarly, Final],
    [LocalZipkinErrorCode.StartTimeout, Transient],
    [LocalZipkinErrorCode.QueryFailed, Transient],
    [LocalZipkinErrorCode.UnexpectedAnswer, Final],
  ])('%s', (code, classification) => {
    const cause = new Error('underneath');
    const error = new LocalZipkinError(code, 'm', 'do this', { cause });
    expect(isClassifiedError(error)).toBe(true);
    expect(classificationOf(error)).toEqual(classification);
    expect(error).toMatchObject({ code, cause, hint: 'do this', name: 'LocalZipkinError' });
  });
});
