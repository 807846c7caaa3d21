import { Global, Inject, Module, type DynamicModule, type OnModuleDestroy } from '@nestjs/common';
import type { Logger } from 'pino';
import type { ConsoleConfig } from '../config/console-config';
import { ConsoleMetrics } from '../health/console-metrics';
import { ConsoleKafka } from './console-kafka';
import { CONSOLE_CONFIG, CONSOLE_CONNECTION, CONSOLE_KAFKA, CONSOLE_KAFKA_ADMIN, CONSOLE_LOGGER } from './console.tokens';

/** What every feature module may inject (see console.tokens.ts); global, so nobody imports it. */
@Global()
@Module({})
export class ConsoleCoreModule implements OnModuleDestroy {
  constructor(@Inject(ConsoleKafka) private readonly kafka: ConsoleKafka) {}

  static forRoot(config: ConsoleConfig, log: Logger): DynamicModule {
    return {
      module: ConsoleCoreModule,
      providers: [
        { provide: CONSOLE_CONFIG, useValue: config },
        { provide: CONSOLE_CONNECTION, useValue: config.connection },
        { provide: CONSOLE_LOGGER, useValue: log },
        {
          provide: ConsoleKafka,
          useFactory: async () => {
            const kafka = new ConsoleKafka(config.connection, log);
            await kafka.connect();
            return kafka;
          },
        },
        { provide: CONSOLE_KAFKA, inject: [ConsoleKafka], useFactory: (k: ConsoleKafka) => k.kafka },
        { provide: CONSOLE_KAFKA_ADMIN, inject: [ConsoleKafka], useFactory: (k: ConsoleKafka) => k.admin },
        { provide: ConsoleMetrics, useFactory: () => new ConsoleMetrics() },
      ],
      exports: [CONSOLE_CONFIG, CONSOLE_CONNECTION, CONSOLE_LOGGER, CONSOLE_KAFKA, CONSOLE_KAFKA_ADMIN, ConsoleMetrics],
    };
  }

  async onModuleDestroy(): Promise<void> {
    await this.kafka.close();
  }
}
