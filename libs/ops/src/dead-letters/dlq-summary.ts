import { type DeadLetterReading, errorCodeOf } from './dead-letter-record';

export interface DlqSummaryRow {
  readonly errorCode: string;
  readonly sourceTopic: string;
  /** -1 when the record carries no source partition. */
  readonly sourcePartition: number;
  count: number;
  /** Earliest and latest `failed-at` (ISO 8601 compares as text). */
  firstFailedAt: string;
  lastFailedAt: string;
}

/** Counts dead letters by error code, source topic and source partition. */
export class DlqSummary {
  private readonly rows = new Map<string, DlqSummaryRow>();
  total = 0;

  add(reading: DeadLetterReading): void {
    this.total += 1;
    const errorCode = errorCodeOf(reading);
    const sourceTopic = reading.info?.sourceTopic ?? '-';
    const sourcePartition = reading.info?.sourcePartition ?? -1;
    const failedAt = reading.info?.failedAt ?? '';
    const id = `${errorCode}\u0000${sourceTopic}\u0000${sourcePartition}`;
    const row = this.rows.get(id);
    if (!row) {
      this.rows.set(id, { errorCode, sourceTopic, sourcePartition, count: 1, firstFailedAt: failedAt, lastFailedAt: failedAt });
      return;
    }
    row.count += 1;
    if (failedAt && (!row.firstFailedAt || failedAt < row.firstFailedAt)) row.firstFailedAt = failedAt;
    if (failedAt > row.lastFailedAt) row.lastFailedAt = failedAt;
  }

  /** Most frequent first, then by code, topic and partition, so the table reads the same each time. */
  result(): DlqSummaryRow[] {
    return [...this.rows.values()].sort(
      (a, b) => b.count - a.count || a.errorCode.localeCompare(b.errorCode) || a.sourceTopic.localeCompare(b.sourceTopic) || a.sourcePartition - b.sourcePartition,
    );
  }
}
