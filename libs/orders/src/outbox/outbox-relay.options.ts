export const OUTBOX_RELAY_OPTIONS = Symbol('OUTBOX_RELAY_OPTIONS');

export interface OutboxRelayOptions {
  /** Sleep when the outbox had nothing to publish. */
  readonly pollMs: number;
  /** Rows per round. */
  readonly batch: number;
  /** Backoff after failed rounds (Kafka or registry away, database errors). */
  readonly backoffMinMs: number;
  readonly backoffMaxMs: number;
}
