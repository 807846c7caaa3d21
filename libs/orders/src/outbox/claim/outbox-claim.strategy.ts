import type { OutboxRow } from '../outbox-row';

/** Publishes the rows it is given and returns those Kafka acknowledged; never throws for a failed publish. */
export type PublishRows = (rows: readonly OutboxRow[]) => Promise<readonly OutboxRow[]>;

export interface ClaimOutcome {
  readonly claimed: number;
  readonly published: number;
}

/**
 * How a relay takes rows from the outbox so that no other relay publishes them at the same
 * time, and marks them published. Which one applies depends on the database (see
 * selectClaimStrategy); the ordering rule itself is in OutboxRepository.heads.
 */
export interface OutboxClaimStrategy {
  readonly name: string;
  claim(limit: number, publish: PublishRows): Promise<ClaimOutcome>;
}
