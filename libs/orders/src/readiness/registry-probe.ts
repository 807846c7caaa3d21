import { Inject, Injectable, Logger } from '@nestjs/common';
import type { OrdersServiceConfig } from '../config/orders-service.config';
import { ORDERS_CONFIG } from './readiness.tokens';

const PROBE_TIMEOUT_MS = 1_000;

/**
 * Whether the schema registry answers, asked at most once per `registryProbeMs`: requests
 * and the relay share one result, and concurrent callers share one request. A publish that
 * failed because the registry was away marks it unreachable at once.
 */
@Injectable()
export class RegistryProbe {
  private readonly logger = new Logger(RegistryProbe.name);
  private reachable = false;
  private checkedAt = Number.NEGATIVE_INFINITY;
  private pending?: Promise<boolean>;
  private lastProblem = 'not asked yet';

  constructor(@Inject(ORDERS_CONFIG) private readonly config: OrdersServiceConfig) {}

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
      const response = await fetch(`${this.config.schemaRegistryUrl}/subjects`, { signal: AbortSignal.timeout(PROBE_TIMEOUT_MS) });
      await response.arrayBuffer();
      this.record(response.ok, `GET /subjects answered HTTP ${response.status}`);
    } catch (error) {
      this.record(false, error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error));
    }
    return this.reachable;
  }

  private record(reachable: boolean, problem: string): void {
    if (reachable !== this.reachable) {
      if (reachable) this.logger.log(`schema registry ${this.config.schemaRegistryUrl} reachable again`);
      else this.logger.warn(`schema registry ${this.config.schemaRegistryUrl} unreachable (${problem}): order changes answer 503 and the relay holds`);
    }
    this.reachable = reachable;
    this.checkedAt = performance.now();
    if (!reachable) this.lastProblem = problem;
  }
}
