import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { registryClientConnection, RegistryHttpClient } from '@eventline/connection';
import type { OrdersServiceConfig } from '../config/orders-service.config';
import { ORDERS_CONFIG } from './readiness.tokens';

/**
 * Whether the schema registry answers, asked at most once per `registryProbeMs`: requests
 * and the relay share one result, and concurrent callers share one request. A publish that
 * failed because the registry was away marks it unreachable at once. The first probe runs
 * at boot, before the server listens, so /health is true from the first request and the
 * first order does not pay for a cold connection (its TLS handshake, on a managed registry).
 */
@Injectable()
export class RegistryProbe implements OnApplicationBootstrap {
  private readonly logger = new Logger(RegistryProbe.name);
  private reachable = false;
  private checkedAt = Number.NEGATIVE_INFINITY;
  private pending?: Promise<boolean>;
  private lastProblem = 'not asked yet';

  private readonly registry: RegistryHttpClient;

  constructor(@Inject(ORDERS_CONFIG) private readonly config: OrdersServiceConfig) {
    this.registry = new RegistryHttpClient(registryClientConnection(config.connection.registry), { timeoutMs: config.registryProbeTimeoutMs });
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.isReachable();
  }

  /** The last known answer without asking (for /health and metrics). */
  get status(): { readonly reachable: boolean; readonly problem?: string } {
    return this.reachable ? { reachable: true } : { reachable: false, problem: this.lastProblem };
  }

  async isReachable(): Promise<boolean> {
    if (performance.now() - this.checkedAt < this.config.registryProbeMs) return this.reachable;
    this.pending ??= this.probe().finally(() => (this.pending = undefined));
    return this.pending;
  }

  markUnreachable(problem: string): void {
    this.record(false, problem);
  }

  private async probe(): Promise<boolean> {
    try {
      // /subjects is part of every Confluent-compatible registry's API and cheap to answer.
      // A 401/403 throws (credentials changed under a running service): unreachable, with why.
      const answer = await this.registry.get('/subjects');
      this.record(answer.status >= 200 && answer.status < 300, `GET /subjects answered HTTP ${answer.status}`);
    } catch (error) {
      this.record(false, error instanceof Error ? error.message : String(error));
    }
    return this.reachable;
  }

  private record(reachable: boolean, problem: string): void {
    if (reachable !== this.reachable) {
      if (reachable) this.logger.log(`schema registry ${this.registry.connection.url} reachable again`);
      else this.logger.warn(`schema registry ${this.registry.connection.url} unreachable (${problem}): order changes answer 503 and the relay holds`);
    }
    this.reachable = reachable;
    this.checkedAt = performance.now();
    if (!reachable) this.lastProblem = problem;
  }
}
