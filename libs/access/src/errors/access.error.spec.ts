import { Classification, classificationOf, isClassifiedError } from '@eventline/errors';
import { AccessError, AccessErrorCode } from './access.error';

describe('AccessError implements the classified-error protocol: nothing here is worth retrying as is', () => {
  it.each(Object.values(AccessErrorCode))('%s', (code) => {
    const error = new AccessError(code, 'm');
    expect(isClassifiedError(error)).toBe(true);
    expect(classificationOf(error)).toEqual(Classification.Final);
  });
});
