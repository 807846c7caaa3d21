import { Classification, classificationOf, isClassifiedError } from '@eventline/errors';
import { SchemaCompatError, SchemaCompatErrorCode } from './schema-compat.error';

describe('SchemaCompatError implements the classified-error protocol: the same text fails the same way', () => {
  it.each(Object.values(SchemaCompatErrorCode))('%s', (code) => {
    const error = new SchemaCompatError(code, 'm');
    expect(isClassifiedError(error)).toBe(true);
    expect(classificationOf(error)).toEqual(Classification.Final);
  });
});
