import type { Database } from '@eventline/persistence';
import type { OutboxRepository } from '../outbox.repository';
import type { ClaimOutcome, OutboxClaimStrategy, PublishRows } from './outbox-claim.strategy';

/**
 * PostgreSQL: rows are locked (FOR UPDATE SKIP LOCKED) in a transaction that stays open
 * while they are published and is committed with their published mark. Several instances
 * can relay side by side without taking the same row. If this process dies mid-publish, the
 * server rolls the transaction back and the rows are free and unpublished again: they are
 * re-sent with the same ce_id (at-least-once), never skipped.
 */
export class SkipLockedClaim implements OutboxClaimStrategy {
  readonly name = 'skip-locked';

  constructor(
    private readonly db: Database,
    private readonly outbox: OutboxRepository,
  ) {}

  claim(limit: number, publish: PublishRows): Promise<ClaimOutcome> {
    return this.db.transaction(async (tx) => {
      const rows = await this.outbox.heads(tx, limit, true);
      if (rows.length === 0) return { claimed: 0, published: 0 };
      const acknowledged = await publish(rows);
      await this.outbox.markPublished(
        tx,
        acknowledged.map((row) => row.id),
      );
      return { claimed: rows.length, published: acknowledged.length };
    });
  }
}
