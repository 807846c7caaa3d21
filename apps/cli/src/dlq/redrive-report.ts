import type { Output } from '../common/output';
import type { RedriveSkip } from './redrive-route';

/** What a redrive sent (or, dry, would send) where, and what it left and why. */
export class RedriveTally {
  readonly sent = new Map<string, number>();
  readonly skipped = new Map<RedriveSkip, number>();
  filteredOut = 0;

  count(topic: string, partition: number): void {
    const key = `${topic}\u0000${partition}`;
    this.sent.set(key, (this.sent.get(key) ?? 0) + 1);
  }

  skip(reason: RedriveSkip): void {
    this.skipped.set(reason, (this.skipped.get(reason) ?? 0) + 1);
  }

  get total(): number {
    let n = 0;
    for (const count of this.sent.values()) n += count;
    return n;
  }

  rows(): Array<{ topic: string; partition: number; records: number }> {
    return [...this.sent]
      .map(([key, records]) => {
        const [topic, partition] = key.split('\u0000');
        return { topic, partition: Number(partition), records };
      })
      .sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition);
  }
}

export function printRedriveResult(
  output: Output,
  run: { dlqTopic: string; ledgerTopic: string; execute: boolean; redriveId: string },
  tally: RedriveTally,
): void {
  const skipped = [...tally.skipped].map(([reason, records]) => ({ reason, records }));
  if (output.json) {
    return output.document({ dlqTopic: run.dlqTopic, redriveId: run.redriveId, executed: run.execute, sent: tally.total, destinations: tally.rows(), skipped, filteredOut: tally.filteredOut });
  }
  output.line(run.execute ? `redrive ${run.redriveId}: sent ${tally.total} dead letter(s) from ${run.dlqTopic}` : `dry run: would redrive ${tally.total} dead letter(s) from ${run.dlqTopic}`);
  output.line();
  output.table(tally.rows(), [
    ['DESTINATION', (r) => r.topic],
    ['PARTITION', (r) => String(r.partition)],
    ['RECORDS', (r) => String(r.records)],
  ]);
  for (const { reason, records } of skipped) output.line(`skipped ${records}: ${reason}`);
  if (tally.filteredOut > 0) output.line(`${tally.filteredOut} dead letter(s) did not match the filters`);
  output.line(run.execute ? `remembered in ${run.ledgerTopic}; a second redrive skips them unless --force` : 'nothing was written; add --execute to send');
}
