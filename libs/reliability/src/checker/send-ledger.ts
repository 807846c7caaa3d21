import { isPublishError, PublishErrorCode } from '@eventline/runtime';
import type { EventStamp } from './event-stamp';

/**
 * How a send ended, from the producer's point of view:
 * - acked: Kafka acknowledged it (partition and offset known) — it must be consumed;
 * - failed: it provably never reached a broker (refused before sending) — it must not be;
 * - indeterminate: the send went out but no acknowledgement came back — either is fine,
 *   and the topic scan tells which happened.
 */
export const SendOutcome = {
  Acked: 'acked',
  Failed: 'failed',
  Indeterminate: 'indeterminate',
} as const;
export type SendOutcome = (typeof SendOutcome)[keyof typeof SendOutcome];

export interface SendRecord extends EventStamp {
  readonly outcome: SendOutcome;
  readonly partition?: number;
  /** kafkajs's string form; never a JS number. */
  readonly offset?: string;
  readonly error?: string;
  /** ms since the run began, for figures like "acks during the outage". */
  readonly atMs: number;
}

// Failures raised before a record is handed to the producer: nothing can be in the topic.
const NEVER_SENT = new Set<string>([
  PublishErrorCode.InvalidPayload,
  PublishErrorCode.UnknownEventType,
  PublishErrorCode.SchemaNotRegistered,
  PublishErrorCode.EncodingFailed,
  PublishErrorCode.RegistryUnavailable,
  PublishErrorCode.UnknownTopic,
  PublishErrorCode.InvalidOptions,
  PublishErrorCode.NotConnected,
  PublishErrorCode.Closed,
  PublishErrorCode.ConfigInvalid,
]);

/** A publish failure that may still have written the record (timeouts, lost acks, broker errors). */
export function outcomeOfFailure(error: unknown): SendOutcome {
  return isPublishError(error) && NEVER_SENT.has(error.code) ? SendOutcome.Failed : SendOutcome.Indeterminate;
}

/** The producer side of a run, in memory: the producer runs in the test process. */
export class SendLedger {
  private readonly records: SendRecord[] = [];
  private readonly started = Date.now();

  acked(stamp: EventStamp, partition: number, offset: string): void {
    this.records.push({ ...stamp, outcome: SendOutcome.Acked, partition, offset, atMs: this.elapsedMs() });
  }

  failed(stamp: EventStamp, error: unknown): void {
    const message = error instanceof Error ? error.message : String(error);
    this.records.push({ ...stamp, outcome: outcomeOfFailure(error), error: message, atMs: this.elapsedMs() });
  }

  /** Wraps a send: the ledger learns its outcome whatever it is; the promise never rejects. */
  async track(stamp: EventStamp, send: Promise<{ partition: number; offset: string }>): Promise<void> {
    try {
      const { partition, offset } = await send;
      this.acked(stamp, partition, offset);
    } catch (error) {
      this.failed(stamp, error);
    }
  }

  /** Milliseconds since the run began: the clock of `atMs`. */
  elapsedMs(): number {
    return Date.now() - this.started;
  }

  get all(): readonly SendRecord[] {
    return this.records;
  }

  count(outcome: SendOutcome): number {
    return this.records.filter((r) => r.outcome === outcome).length;
  }
}
