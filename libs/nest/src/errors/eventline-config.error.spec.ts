import { Classification, classificationOf, isClassifiedError } from '@eventline/errors';
import { configProblems, EventlineConfigErrorCode } from './eventline-config.error';

describe('EventlineConfigError implements the classified-error protocol: a boot that fails, fails again', () => {
  it.each(Object.values(EventlineConfigErrorCode))('%s', (code) => {
    const error = configProblems(code, 'Eventline cannot start', ['one', 'two']);
    expect(isClassifiedError(error)).toBe(true);
    expect(classificationOf(error)).toEqual(Classification.Final);
    expect(error).toMatchObject({ code, message: 'Eventline cannot start:\n  - one\n  - two' });
  });
});
