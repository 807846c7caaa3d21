/** What one produce-consume-validate run found. Every list is capped in reports; counts are exact. */
export interface ValidationReport {
  /** Sends attempted. */
  readonly events: number;
  readonly acked: number;
  readonly failed: number;
  readonly indeterminate: number;
  /** Distinct checked events processed at least once. */
  readonly processed: number;
  /** Acked but never processed. */
  readonly lost: number;
  /** Of the lost: still in the topic, so the consumer side skipped them. */
  readonly lostConsumerSkipped: number;
  /** Of the lost: not in the topic, so the broker (or a false ack) lost them. */
  readonly lostBrokerMissing: number;
  /** Of the lost: the topic was not scanned, so which side lost them is unknown. */
  readonly lostUnclassified: number;
  readonly lostIds: readonly string[];
  /** Processings beyond the first of an event. */
  readonly duplicates: number;
  readonly duplicatedEvents: number;
  /** Of the duplicates: handled again by an instance that had already handled the event. */
  readonly duplicatesSameInstance: number;
  /** Keys where the first processing of seq n came before the first processing of seq n−1. */
  readonly orderViolations: number;
  readonly orderViolationSamples: ReadonlyArray<{ key: string; seq: number; firstAt: number; previousFirstAt: number }>;
  /** Processed although the ledger says the send failed for sure: the ledger is wrong. */
  readonly processedButFailed: number;
  /** Processed although never sent in this run (foreign ids): the log is polluted. */
  readonly processedUnknown: number;
  /** Indeterminate sends that turned out processed. */
  readonly indeterminateProcessed: number;
  /** Ids found in the topic more than once, when the topic was scanned. */
  readonly topicDuplicateIds?: number;
  /** Acked sends whose receipt names another partition/offset than where the topic holds them. */
  readonly misplacedAcks?: number;
}

export const SAMPLE_LIMIT = 20;
