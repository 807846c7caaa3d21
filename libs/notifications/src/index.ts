export { notificationsConfig, type NotificationsConfig } from './notifications.config';
export { NotificationsModule } from './notifications.module';
export { EmailSink, InvalidAddressError, MailRelayBusyError } from './email-sink';
export { startNotificationsWorker } from './start-worker';
