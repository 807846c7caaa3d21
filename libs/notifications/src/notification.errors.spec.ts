import { Classification, classificationOf, isClassifiedError } from '@eventline/errors';
import { ContactNotKnownYetError, InvalidAddressError, MailRelayBusyError, NotificationErrorCode } from './notification.errors';

describe('the notification errors implement the classified-error protocol', () => {
  it.each<[Error, string, Classification]>([
    [new InvalidAddressError('m'), NotificationErrorCode.InvalidAddress, Classification.Final],
    [new MailRelayBusyError('m'), NotificationErrorCode.RelayBusy, Classification.Transient],
    [new ContactNotKnownYetError('m'), NotificationErrorCode.ContactUnknown, Classification.Transient],
  ])('%s', (error, code, classification) => {
    expect(isClassifiedError(error)).toBe(true);
    expect(classificationOf(error)).toEqual(classification);
    expect(error).toMatchObject({ code });
  });
});
