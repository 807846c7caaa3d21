import { Module, type DynamicModule, type Type } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import type { Logger } from 'pino';
import { AccessModule } from '../access/access.module';
import { AuditModule } from '../audit/audit.module';
import type { ConsoleConfig } from '../config/console-config';
import { ConsoleErrorFilter } from '../errors/console-error.filter';
import { HealthController } from '../health/health.controller';
import { CONSOLE_FEATURES } from './console-features';
import { ConsoleCoreModule } from './console-core.module';

export interface ConsoleModuleOptions {
  /** More modules beside CONSOLE_FEATURES (tests add probe routes this way). */
  readonly extraModules?: readonly (Type | DynamicModule)[];
}

/** The whole console: core providers, access control, the features, health and metrics, one error filter. */
@Module({})
export class ConsoleModule {
  static forRoot(config: ConsoleConfig, log: Logger, options: ConsoleModuleOptions = {}): DynamicModule {
    return {
      module: ConsoleModule,
      // AuditModule also listed here: sign-ins are audited whatever the feature list holds.
      imports: [ConsoleCoreModule.forRoot(config, log), AccessModule, AuditModule, ...CONSOLE_FEATURES, ...(options.extraModules ?? [])],
      controllers: [HealthController],
      providers: [{ provide: APP_FILTER, useClass: ConsoleErrorFilter }],
    };
  }
}
