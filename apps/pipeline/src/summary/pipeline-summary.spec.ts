import { formatSnapshot, type SummarySnapshot } from './pipeline-summary';

const snapshot = (orders: bigint, dlq: bigint, consumed: bigint, lag: bigint): SummarySnapshot => ({
  produced: { orders, notifications: 0n, 'orders.dlq': dlq },
  groups: { 'fulfillment-worker': { consumed, lag } },
  retries: 4,
  deadLetters: dlq,
});

describe('the live summary', () => {
  it('labels topic totals as all time and shows this run beside them', () => {
    const baseline = snapshot(1370n, 40n, 1360n, 10n);
    const line = formatSnapshot(snapshot(1445n, 43n, 1440n, 5n), baseline, '| traffic: placed 75');
    expect(line).toBe(
      'in topics, all time (this run): orders 1445 (+75)  notifications 0 (+0)\n' +
        '  this run: fulfillment-worker: consumed +80 lag 5\n' +
        '  retries 4  dead letters 43 (+3)  | traffic: placed 75',
    );
  });
});
