import { Injectable, type CanActivate } from '@nestjs/common';
import { OrdersErrorCode } from '../errors/orders-error-code';
import { OrdersError } from '../errors/orders.error';
import { RegistryProbe } from './registry-probe';
import { ServiceLifecycle } from './service-lifecycle';

/**
 * The readiness rule for order changes (POST), decided here and nowhere else:
 *
 * - Kafka away: accepted. The change and its event commit to the database; the event waits
 *   in the outbox until the relay can publish it. Kafka's availability never decides
 *   whether a customer can order.
 * - Schema registry unreachable: 503 ORDERS_REGISTRY_UNAVAILABLE, nothing written. Every
 *   accepted change must leave an event that fits a registered schema, and that cannot be
 *   checked without the registry (issue 8, scenario 6: "answers 503 and publishes nothing
 *   meanwhile"; the relay holds too, see OutboxRelay). Registry state is the probe's answer,
 *   at most `registryProbeMs` old; the codec's own lookup failing also answers 503
 *   (EventSchemaCheck).
 * - Shutting down: 503 ORDERS_SHUTTING_DOWN, so nothing is written after the relay's last drain.
 *
 * Reads (GET) do not use this guard: they need the database only.
 */
@Injectable()
export class WriteReadinessGuard implements CanActivate {
  constructor(
    private readonly registry: RegistryProbe,
    private readonly lifecycle: ServiceLifecycle,
  ) {}

  async canActivate(): Promise<boolean> {
    if (this.lifecycle.draining) throw new OrdersError(OrdersErrorCode.ShuttingDown, 'the orders service is shutting down; retry on another instance or after the restart');
    if (!(await this.registry.isReachable())) {
      throw new OrdersError(
        OrdersErrorCode.RegistryUnavailable,
        `the schema registry is unreachable (${this.registry.status.problem}); order changes are refused until it is back, nothing was written`,
      );
    }
    return true;
  }
}
