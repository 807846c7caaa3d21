import type { DeadLetterInfo } from '@eventline/runtime';
import { DlqSummary } from './dlq-summary';

const info = (errorCode: string, sourcePartition: number, failedAt: string): DeadLetterInfo => ({
  sourceTopic: 'orders',
  sourcePartition,
  sourceOffset: '1',
  sourceTimestamp: '0',
  consumerGroup: 'g',
  attempts: 1,
  errorClass: 'E',
  errorCode,
  errorMessage: 'm',
  failedAt,
});

describe('DlqSummary', () => {
  it('counts by error code and source partition, most frequent first, with the failure window', () => {
    const summary = new DlqSummary();
    summary.add({ info: info('A', 0, '2025-06-01T10:00:00Z') });
    summary.add({ info: info('B', 1, '2025-06-01T10:05:00Z') });
    summary.add({ info: info('B', 1, '2025-06-01T09:00:00Z') });
    summary.add({ info: info('B', 2, '2025-06-01T11:00:00Z') });
    summary.add({ problem: 'dead-letter record has no eventline-dlq-source-topic header' });
    expect(summary.total).toBe(5);
    expect(summary.result().map((r) => [r.errorCode, r.sourcePartition, r.count, r.firstFailedAt, r.lastFailedAt])).toEqual([
      ['B', 1, 2, '2025-06-01T09:00:00Z', '2025-06-01T10:05:00Z'],
      ['(no dead-letter headers)', -1, 1, '', ''],
      ['A', 0, 1, '2025-06-01T10:00:00Z', '2025-06-01T10:00:00Z'],
      ['B', 2, 1, '2025-06-01T11:00:00Z', '2025-06-01T11:00:00Z'],
    ]);
  });
});
