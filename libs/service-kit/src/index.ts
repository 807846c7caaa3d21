export { ConfigError, EnvReader } from './env-config';
export { EXTRA_HEALTH_CHECKS, OpsController } from './ops.controller';
export { OpsModule } from './ops.module';
export { DATABASE, DatabaseModule } from './database.module';
export { derivedEventId } from './derived-event-id';
export { readServiceConfig, type ServiceConfig } from './service-config';
export { eventlineConnectionOptions } from './eventline-connection.options';
export { verifyServiceConnections, type ServiceLog } from './verify-service-connections';
