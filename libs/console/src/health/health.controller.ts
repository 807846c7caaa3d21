import { Controller, Get, Header, Inject } from '@nestjs/common';
import type { Admin } from 'kafkajs';
import { PublicRoute } from '../access/public-route.decorator';
import { CONSOLE_KAFKA_ADMIN } from '../app/console.tokens';
import { ConsoleMetrics } from './console-metrics';

/** `/health` and `/metrics`, open without sign-in (probes and Prometheus carry no session). */
@Controller()
@PublicRoute()
export class HealthController {
  constructor(
    private readonly metrics: ConsoleMetrics,
    @Inject(CONSOLE_KAFKA_ADMIN) private readonly admin: Admin,
  ) {}

  /**
   * Up while the process serves; Kafka's state is reported, not fatal: the console still
   * answers (and explains 503s) while Kafka is away.
   */
  @Get('health')
  async health(): Promise<{ status: 'ok'; kafka: 'up' | 'down' }> {
    const kafka = await Promise.race([
      this.admin.describeCluster().then(
        () => 'up' as const,
        () => 'down' as const,
      ),
      new Promise<'down'>((resolve) => setTimeout(() => resolve('down'), 2_000).unref()),
    ]);
    return { status: 'ok', kafka };
  }

  @Get('metrics')
  @Header('Content-Type', 'text/plain; version=0.0.4')
  scrape(): Promise<string> {
    return this.metrics.registry.metrics();
  }
}
