import { Module, type DynamicModule } from '@nestjs/common';
import { EventlineModule, withTopicPrefix } from '@eventline/nest';
import { DatabaseModule, eventlineConnectionOptions, OpsModule } from '@eventline/service-kit';
import { EmailSink, NOTIFICATIONS_MIGRATIONS } from './email-sink';
import type { NotificationsConfig } from './notifications.config';
import { NotificationHandlers } from './notification.handlers';

@Module({})
export class NotificationsModule {
  static forRoot(config: NotificationsConfig): DynamicModule {
    return {
      module: NotificationsModule,
      imports: [
        DatabaseModule.forRoot({ url: config.databaseUrl, schema: 'notifications', migrations: NOTIFICATIONS_MIGRATIONS }),
        EventlineModule.forRoot({
          ...eventlineConnectionOptions(config.connection),
          clientId: 'notifications-worker',
          codecMode: config.codecMode,
          consumer: { groupId: config.groupId, concurrency: 6 },
          topicNames: config.topicPrefix ? withTopicPrefix(config.topicPrefix) : undefined,
        }),
        OpsModule.forRoot(),
      ],
      providers: [EmailSink, NotificationHandlers],
      exports: [EmailSink],
    };
  }
}
