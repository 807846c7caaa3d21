import { Classification, classificationOf, isClassifiedError } from '@eventline/errors';
import { CodecError, CodecErrorCode } from './codec.error';

const { Poison, Transient, Final } = Classification;

describe('CodecError implements the classified-error protocol', () => {
  it.each<[CodecErrorCode, Classification]>([
    [CodecErrorCode.BadMagicByte, Poison],
    [CodecErrorCode.TooShort, Poison],
    [CodecErrorCode.UnknownSchemaId, Poison],
    [CodecErrorCode.UnsupportedSchemaType, Poison],
    [CodecErrorCode.CorruptBody, Poison],
    [CodecErrorCode.IncompatibleSchema, Poison],
    [CodecErrorCode.InvalidPayload, Final],
    [CodecErrorCode.SchemaNotRegistered, Final],
    [CodecErrorCode.RegistryUnavailable, Transient],
    [CodecErrorCode.RegistryRejected, Final],
    [CodecErrorCode.RegistryUnauthorized, Final],
  ])('%s', (code, classification) => {
    const cause = new Error('underneath');
    const error = new CodecError(code, 'm', { cause, schemaId: 7 });
    expect(isClassifiedError(error)).toBe(true);
    expect(classificationOf(error)).toEqual(classification);
    expect(error).toMatchObject({ code, cause, schemaId: 7 });
  });
});
