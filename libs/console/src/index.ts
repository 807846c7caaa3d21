// The operator console's server: config, access control, audit log, error answers, static web.
export type * from './api/console-api.types';
export { createConsoleApp, type ConsoleApp, type CreateConsoleAppOptions } from './app/create-console-app';
export { ConsoleModule, type ConsoleModuleOptions } from './app/console.module';
export { CONSOLE_FEATURES } from './app/console-features';
export { CONSOLE_CONFIG, CONSOLE_CONNECTION, CONSOLE_KAFKA, CONSOLE_KAFKA_ADMIN, CONSOLE_LOGGER } from './app/console.tokens';
export { AUTH_MODES, DEFAULT_AUDIT_TOPIC, DEFAULT_CONSOLE_PORT, readConsoleConfig, type AuthMode, type ConsoleAuth, type ConsoleConfig } from './config/console-config';
export { isLoopbackHost } from './config/loopback-host';
export { hashPassword, verifyPassword } from './access/password-hash';
export { RequiresRole } from './access/requires-role.decorator';
export { PublicRoute } from './access/public-route.decorator';
export { CurrentUser } from './access/current-user.decorator';
export { ANONYMOUS, hasRole, type ConsoleUser } from './access/console-user';
export { AuditLog, type AuditRecord, type RecordOptions } from './audit/audit.log';
export { AuditModule } from './audit/audit.module';
export { ConsoleError, ConsoleErrorCode } from './errors/console.error';
export { ERROR_STATUS, ERROR_STATUS_PREFIXES, statusOfCode } from './errors/error-status.table';
export { answerFor } from './errors/console-error.filter';
