import { registerProcessMetrics } from './process-metrics';
import { Module, type DynamicModule, type OnApplicationShutdown, type OnModuleDestroy, Inject } from '@nestjs/common';
import { flushTelemetry } from '@eventline/telemetry';
import { TerminusModule } from '@nestjs/terminus';
import { RuntimeInstrumentation, RuntimeMetrics } from '@eventline/runtime';
import { OpsController } from './ops.controller';

const DETACH = Symbol('DETACH_METRICS');

/**
 * Health and metrics endpoints for an Eventline service. Import after EventlineModule: the
 * metrics subscribe to the module's RuntimeInstrumentation. On the app's stop it flushes the
 * traces @eventline/telemetry buffered.
 */
@Module({})
export class OpsModule implements OnModuleDestroy, OnApplicationShutdown {
  constructor(@Inject(DETACH) private readonly detach: () => void) {}

  static forRoot(): DynamicModule {
    return {
      module: OpsModule,
      imports: [TerminusModule.forRoot({ logger: false })],
      controllers: [OpsController],
      providers: [
        {
          provide: RuntimeMetrics,
          useFactory: () => {
            const metrics = new RuntimeMetrics();
            registerProcessMetrics(metrics.registry);
            return metrics;
          },
        },
        { provide: DETACH, inject: [RuntimeMetrics, RuntimeInstrumentation], useFactory: (m: RuntimeMetrics, i: RuntimeInstrumentation) => m.attach(i) },
      ],
      exports: [RuntimeMetrics],
    };
  }

  onModuleDestroy(): void {
    this.detach();
  }

  /** Last of the stop: the consumers, the relay and the publisher are done, their last spans go out (a no-op when tracing is off). */
  async onApplicationShutdown(): Promise<void> {
    await flushTelemetry();
  }
}
