import { ConfigurableModuleBuilder } from '@nestjs/common';
import type { EventlineModuleOptions } from './eventline-module.options';

export const {
  ConfigurableModuleClass: EventlineConfigurableModule,
  MODULE_OPTIONS_TOKEN: EVENTLINE_OPTIONS,
  OPTIONS_TYPE: EVENTLINE_OPTIONS_TYPE,
  ASYNC_OPTIONS_TYPE: EVENTLINE_ASYNC_OPTIONS_TYPE,
} = new ConfigurableModuleBuilder<EventlineModuleOptions>({ moduleName: 'Eventline' })
  .setClassMethodName('forRoot')
  // The publisher is app-wide: any module may inject it without importing EventlineModule again.
  .setExtras({ isGlobal: true }, (definition, extras) => ({ ...definition, global: extras.isGlobal }))
  .build();
