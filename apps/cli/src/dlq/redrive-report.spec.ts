import { Writable } from 'node:stream';
import { Output } from '../common/output';
import { RedriveTally, type RedriveResult } from '@eventline/ops';
import { printRedriveResult } from './redrive-report';

function capture(): { stream: Writable; text: () => string } {
  let text = '';
  const stream = new Writable({ write: (chunk, _enc, done) => ((text += chunk.toString()), done()) });
  return { stream, text: () => text };
}

const run: Omit<RedriveResult, 'tally'> = { dlqTopic: 'orders.dlq', ledgerTopic: 'orders.dlq.redriven', executed: false, redriveId: 'redrive-1', allGroups: false };

describe('a redrive report', () => {
  const tally = new RedriveTally();
  tally.count('orders', 0, 'notifications-worker');
  tally.count('orders', 0, 'fulfillment-worker');
  tally.count('orders', 2, 'notifications-worker');
  tally.count('orders', 0, 'notifications-worker');

  it('names the group of every destination row and sums records per group', () => {
    expect(tally.rows()).toEqual([
      { topic: 'orders', partition: 0, forGroup: 'fulfillment-worker', records: 1 },
      { topic: 'orders', partition: 0, forGroup: 'notifications-worker', records: 2 },
      { topic: 'orders', partition: 2, forGroup: 'notifications-worker', records: 1 },
    ]);
    expect(tally.byGroup()).toEqual([
      { forGroup: 'notifications-worker', records: 3 },
      { forGroup: 'fulfillment-worker', records: 1 },
    ]);
  });

  it('prints a FOR GROUP column, "(every group)" when none is named', () => {
    const out = capture();
    const all = new RedriveTally();
    all.count('orders', 1, undefined);
    printRedriveResult(new Output(false, out.stream, out.stream), { ...run, allGroups: true, tally: all });
    expect(out.text()).toContain('dry run: would redrive 1 dead letter(s) from orders.dlq for every group reading the destination (--all-groups)');
    expect(out.text()).toMatch(/DESTINATION +PARTITION +FOR GROUP +RECORDS\norders +1 +\(every group\) +1\n/);
  });

  it('puts the group per destination and per group into --json (null: every group)', () => {
    const out = capture();
    printRedriveResult(new Output(true, out.stream, out.stream), { ...run, group: 'notifications-worker', tally });
    const report = JSON.parse(out.text());
    // A dry run (execute: false) says what it would send, never that it sent.
    expect(report).toMatchObject({ executed: false, group: 'notifications-worker', allGroups: false, wouldSend: 4, byGroup: tally.byGroup(), destinations: tally.rows() });
    expect(report).not.toHaveProperty('sent');
  });
});
