import { DatabaseKind, type Database } from '@eventline/persistence';
import type { OutboxRepository } from '../outbox.repository';
import type { OutboxClaimStrategy } from './outbox-claim.strategy';
import { SingleConnectionClaim } from './single-connection.claim';
import { SkipLockedClaim } from './skip-locked.claim';

/** Row locks where there can be several relays (PostgreSQL); none where there is one connection (PGlite). */
export function selectClaimStrategy(db: Database, outbox: OutboxRepository): OutboxClaimStrategy {
  switch (db.kind) {
    case DatabaseKind.Postgres:
      return new SkipLockedClaim(db, outbox);
    case DatabaseKind.PGlite:
      return new SingleConnectionClaim(db, outbox);
  }
}
