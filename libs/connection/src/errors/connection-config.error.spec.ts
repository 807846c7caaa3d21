import { Classification, classificationOf, isClassifiedError } from '@eventline/errors';
import { ConnectionConfigError, ConnectionError, ConnectionErrorCode } from './connection-config.error';

describe('the connection errors implement the classified-error protocol', () => {
  it.each<[string, Error, string, Classification]>([
    ['settings that cannot work', new ConnectionConfigError(['KAFKA_BROKERS is empty']), ConnectionErrorCode.ConfigInvalid, Classification.Final],
    ['refused credentials', new ConnectionError(ConnectionErrorCode.AuthenticationFailed, 'm', false), ConnectionErrorCode.AuthenticationFailed, Classification.Final],
    ['nothing answering (may pass by itself)', new ConnectionError(ConnectionErrorCode.Unreachable, 'm', true), ConnectionErrorCode.Unreachable, Classification.Transient],
  ])('%s', (_case, error, code, classification) => {
    expect(isClassifiedError(error)).toBe(true);
    expect(classificationOf(error)).toEqual(classification);
    expect(error).toMatchObject({ code });
  });
});
