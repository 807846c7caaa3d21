import type { KafkaMessage } from 'kafkajs';
import { deadLetterHeaders } from '@eventline/runtime';
import { redriveSelection } from './redrive-selection';

const NOW = Date.parse('2026-12-01T12:00:00Z');

function deadLetter(offset: string, errorCode: string, sourcePartition: number): KafkaMessage {
  const headers = deadLetterHeaders({
    sourceTopic: 'orders',
    sourcePartition,
    sourceOffset: '7',
    sourceTimestamp: '0',
    consumerGroup: 'fulfillment',
    attempts: 1,
    errorClass: 'Error',
    errorCode,
    errorMessage: 'no',
    failedAt: '2026-12-01T11:00:00.000Z',
  });
  return { offset, key: Buffer.from('k'), value: Buffer.from('v'), timestamp: '0', attributes: 0, headers: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, Buffer.from(v)])) } as KafkaMessage;
}

describe('a redrive selection', () => {
  it('of picked records reads one range per partition and lets only the picked offsets through', () => {
    const picked = redriveSelection('orders.dlq', { kind: 'records', records: [{ partition: 1, offset: '9' }, { partition: 1, offset: '4' }, { partition: 0, offset: '12' }] }, NOW);
    expect(picked.selection.ranges).toEqual([
      { partition: 1, from: 4n, to: 10n, count: 6n },
      { partition: 0, from: 12n, to: 13n, count: 1n },
    ]);
    expect(picked.accept(1, deadLetter('4', 'X', 1))).toBe(true);
    expect(picked.accept(1, deadLetter('5', 'X', 1))).toBe(false);
    expect(picked.accept(0, deadLetter('9', 'X', 1))).toBe(false);
  });

  it('by filter narrows by time through the selection and tests code and source partition per record', () => {
    const byFilter = redriveSelection('orders.dlq', { kind: 'filter', filter: { errorCode: 'ORDER_REJECTED', sourcePartition: 2, from: '2h' } }, NOW);
    expect(byFilter.selection.from).toEqual({ kind: 'time', at: NOW - 2 * 3_600_000 });
    expect(byFilter.selection.to).toEqual({ kind: 'latest' });
    expect(byFilter.accept(0, deadLetter('1', 'ORDER_REJECTED', 2))).toBe(true);
    expect(byFilter.accept(0, deadLetter('1', 'ORDER_REJECTED', 1))).toBe(false);
    expect(byFilter.accept(0, deadLetter('1', 'TIMEOUT', 2))).toBe(false);
  });

  it.each([
    ['an unknown kind', { kind: 'everything' }],
    ['no records', { kind: 'records', records: [] }],
    ['an offset as a number', { kind: 'records', records: [{ partition: 0, offset: 5 }] }],
    ['too many records', { kind: 'records', records: Array.from({ length: 1_001 }, (_, i) => ({ partition: 0, offset: String(i) })) }],
  ])('refuses %s', (_what, selection) => {
    expect(() => redriveSelection('orders.dlq', selection, NOW)).toThrow(expect.objectContaining({ code: 'BAD_REQUEST' }));
  });
});
