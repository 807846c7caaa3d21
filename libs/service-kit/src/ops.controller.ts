import { Controller, Get, Header, Inject, Optional } from '@nestjs/common';
import { HealthCheck, HealthCheckService, type HealthIndicatorFunction } from '@nestjs/terminus';
import { EventlineHealthIndicator } from '@eventline/nest';
import { RuntimeMetrics } from '@eventline/runtime';

/** Extra health checks an app adds (database, outbox backlog…). */
export const EXTRA_HEALTH_CHECKS = Symbol('EXTRA_HEALTH_CHECKS');

/** `/health` (terminus: the Eventline consumers and publisher, plus the app's checks) and `/metrics` (Prometheus). */
@Controller()
export class OpsController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly eventline: EventlineHealthIndicator,
    private readonly metrics: RuntimeMetrics,
    @Optional() @Inject(EXTRA_HEALTH_CHECKS) private readonly extra: HealthIndicatorFunction[] = [],
  ) {}

  @Get('health')
  @HealthCheck()
  check() {
    return this.health.check([() => this.eventline.isHealthy('eventline'), ...this.extra]);
  }

  @Get('metrics')
  @Header('Content-Type', 'text/plain; version=0.0.4')
  scrape(): Promise<string> {
    return this.metrics.registry.metrics();
  }
}
