export { notificationsConfig, type NotificationsConfig } from './notifications.config';
export { NotificationsModule } from './notifications.module';
export { EmailSink } from './email-sink';
export { InvalidAddressError, MailRelayBusyError } from './notification.errors';
export { startNotificationsWorker } from './start-worker';
