import { EnvReader, readServiceConfig, type ServiceConfig } from '@eventline/service-kit';

export interface NotificationsConfig extends ServiceConfig {
  readonly groupId: string;
}

export function notificationsConfig(env: NodeJS.ProcessEnv = process.env): NotificationsConfig {
  const read = new EnvReader(env);
  const config: NotificationsConfig = { ...readServiceConfig(read, 3201), groupId: read.string('NOTIFICATIONS_GROUP_ID', 'notifications-worker') };
  read.done('notifications-worker');
  return config;
}
