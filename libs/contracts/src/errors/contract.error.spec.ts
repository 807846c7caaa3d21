import { Classification, classificationOf, isClassifiedError } from '@eventline/errors';
import { ContractError, ContractErrorCode } from './contract.error';

describe('ContractError implements the classified-error protocol: a broken contract is poison', () => {
  it.each(Object.values(ContractErrorCode))('%s', (code) => {
    const cause = new Error('underneath');
    const error = new ContractError(code, 'm', 'ce_type', { cause });
    expect(isClassifiedError(error)).toBe(true);
    expect(classificationOf(error)).toEqual(Classification.Poison);
    expect(error).toMatchObject({ code, header: 'ce_type', cause });
  });
});
