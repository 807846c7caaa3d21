import type { HealthIndicatorFunction, HealthIndicatorService } from '@nestjs/terminus';
import type { Database } from '@eventline/persistence';
import type { RegistryProbe } from '../readiness/registry-probe';
import type { OutboxRelay } from '../outbox/outbox-relay';

/** An event this old still unpublished means the relay is stuck, not merely busy. */
const STALE_OUTBOX_SECONDS = 60;

const DB_CHECK_TIMEOUT_MS = 2_000;

/**
 * The orders service's checks on top of the Eventline ones (publisher connected): the
 * database answers, the registry answers, and the outbox is draining. The outbox is down
 * only when its oldest event waits longer than STALE_OUTBOX_SECONDS; a backlog alone is
 * normal while Kafka is briefly away, and its size is in the details either way.
 */
export function ordersHealthChecks(health: HealthIndicatorService, db: Database, relay: OutboxRelay, registry: RegistryProbe): HealthIndicatorFunction[] {
  return [
    async () => {
      const check = health.check('database');
      try {
        await Promise.race([
          db.query('SELECT 1'),
          new Promise((_, reject) => setTimeout(() => reject(new Error(`no answer within ${DB_CHECK_TIMEOUT_MS} ms`)), DB_CHECK_TIMEOUT_MS).unref()),
        ]);
        return check.up({ kind: db.kind });
      } catch (error) {
        return check.down({ kind: db.kind, error: error instanceof Error ? error.message : String(error) });
      }
    },
    async () => {
      const check = health.check('schemaRegistry');
      const reachable = await registry.isReachable();
      return reachable ? check.up() : check.down({ problem: registry.status.problem });
    },
    async () => {
      const check = health.check('outbox');
      const backlog = await relay.backlog();
      const details = { ...backlog, relay: relay.status };
      return backlog.oldestSeconds > STALE_OUTBOX_SECONDS ? check.down(details) : check.up(details);
    },
  ];
}
