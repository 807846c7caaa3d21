import { registerProcessMetrics } from './process-metrics';
import { Module, type DynamicModule, type OnModuleDestroy, Inject } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { RuntimeInstrumentation, RuntimeMetrics } from '@eventline/runtime';
import { OpsController } from './ops.controller';

const DETACH = Symbol('DETACH_METRICS');

/**
 * Health and metrics endpoints for an Eventline service. Import after EventlineModule: the
 * metrics subscribe to the module's RuntimeInstrumentation.
 */
@Module({})
export class OpsModule implements OnModuleDestroy {
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
}
