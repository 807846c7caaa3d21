import type { Database } from '@eventline/persistence';
import type { OutboxRepository } from '../outbox.repository';
import type { ClaimOutcome, OutboxClaimStrategy, PublishRows } from './outbox-claim.strategy';

/**
 * Embedded PGlite: one connection in this process, and no other process can open the
 * database, so this relay is the only one and needs no row locks. Holding a transaction
 * open while Kafka answers would instead stall every HTTP request behind it (the one
 * connection serialises transactions). Rows are read, published, then marked; a crash in
 * between leaves them unpublished, and they are re-sent with the same ce_id.
 */
export class SingleConnectionClaim implements OutboxClaimStrategy {
  readonly name = 'single-connection';

  constructor(
    private readonly db: Database,
    private readonly outbox: OutboxRepository,
  ) {}

  async claim(limit: number, publish: PublishRows): Promise<ClaimOutcome> {
    const rows = await this.outbox.heads(this.db, limit, false);
    if (rows.length === 0) return { claimed: 0, published: 0 };
    const acknowledged = await publish(rows);
    await this.outbox.markPublished(
      this.db,
      acknowledged.map((row) => row.id),
    );
    return { claimed: rows.length, published: acknowledged.length };
  }
}
