import { Classification, EventlineError } from '@eventline/errors';

/** Why a notification was not sent; dead-letter headers and metrics carry these codes. */
export const NotificationErrorCode = {
  InvalidAddress: 'NOTIFY_INVALID_ADDRESS',
  RelayBusy: 'NOTIFY_RELAY_BUSY',
  ContactUnknown: 'NOTIFY_CONTACT_UNKNOWN',
} as const;
export type NotificationErrorCode = (typeof NotificationErrorCode)[keyof typeof NotificationErrorCode];

/** Permanent: the address will never accept mail, so retrying is pointless; the record is dead-lettered. */
export class InvalidAddressError extends EventlineError<typeof NotificationErrorCode.InvalidAddress> {
  override readonly name = 'InvalidAddressError';
  constructor(message: string) {
    super(NotificationErrorCode.InvalidAddress, message, Classification.Final);
  }
}

/** Transient: the mail relay is busy; a retry usually goes through. */
export class MailRelayBusyError extends EventlineError<typeof NotificationErrorCode.RelayBusy> {
  override readonly name = 'MailRelayBusyError';
  constructor(message: string) {
    super(NotificationErrorCode.RelayBusy, message, Classification.Transient);
  }
}

/** A recipient not known yet (the shipment outran the order's confirmation): worth a retry. */
export class ContactNotKnownYetError extends EventlineError<typeof NotificationErrorCode.ContactUnknown> {
  override readonly name = 'ContactNotKnownYetError';
  constructor(message: string) {
    super(NotificationErrorCode.ContactUnknown, message, Classification.Transient);
  }
}
