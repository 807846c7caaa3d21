import type { Output } from '../common/output';
import type { RedriveSkip } from './redrive-route';

/** How the table names "no group named: every group reading the destination" (`null` in --json). */
const EVERY_GROUP_TEXT = '(every group)';

export interface RedriveRow {
  readonly topic: string;
  readonly partition: number;
  /** The one group meant to process these records; null: every group reading the topic. */
  readonly forGroup: string | null;
  readonly records: number;
}

/** What a redrive sent (or, dry, would send) where and for which group, and what it left and why. */
export class RedriveTally {
  readonly sent = new Map<string, number>();
  readonly skipped = new Map<RedriveSkip, number>();
  filteredOut = 0;

  count(topic: string, partition: number, forGroup: string | undefined): void {
    const key = JSON.stringify([topic, partition, forGroup ?? null]);
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

  rows(): RedriveRow[] {
    return [...this.sent]
      .map(([key, records]) => {
        const [topic, partition, forGroup] = JSON.parse(key) as [string, number, string | null];
        return { topic, partition, forGroup, records };
      })
      .sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition || (a.forGroup ?? '').localeCompare(b.forGroup ?? ''));
  }

  /** Records per group they were sent for, busiest first. */
  byGroup(): Array<{ forGroup: string | null; records: number }> {
    const groups = new Map<string | null, number>();
    for (const row of this.rows()) groups.set(row.forGroup, (groups.get(row.forGroup) ?? 0) + row.records);
    return [...groups].map(([forGroup, records]) => ({ forGroup, records })).sort((a, b) => b.records - a.records || (a.forGroup ?? '').localeCompare(b.forGroup ?? ''));
  }
}

export interface RedriveRun {
  readonly dlqTopic: string;
  readonly ledgerTopic: string;
  readonly execute: boolean;
  readonly redriveId: string;
  /** --group: only that group's dead letters were selected. */
  readonly group?: string;
  readonly allGroups: boolean;
}

function audienceText(run: RedriveRun): string {
  if (run.allGroups) return 'for every group reading the destination (--all-groups)';
  if (run.group !== undefined) return `of group ${run.group}, for it alone`;
  return 'each for the group that dead-lettered it';
}

export function printRedriveResult(output: Output, run: RedriveRun, tally: RedriveTally): void {
  const skipped = [...tally.skipped].map(([reason, records]) => ({ reason, records }));
  if (output.json) {
    return output.document({
      dlqTopic: run.dlqTopic,
      redriveId: run.redriveId,
      executed: run.execute,
      group: run.group ?? null,
      allGroups: run.allGroups,
      // A dry run says what it would send; only an executed run says what it sent.
      ...(run.execute ? { sent: tally.total } : { wouldSend: tally.total }),
      destinations: tally.rows(),
      byGroup: tally.byGroup(),
      skipped,
      filteredOut: tally.filteredOut,
    });
  }
  const what = `${tally.total} dead letter(s) from ${run.dlqTopic} ${audienceText(run)}`;
  output.line(run.execute ? `redrive ${run.redriveId}: sent ${what}` : `dry run: would redrive ${what}`);
  output.line();
  output.table(tally.rows(), [
    ['DESTINATION', (r) => r.topic],
    ['PARTITION', (r) => String(r.partition)],
    ['FOR GROUP', (r) => r.forGroup ?? EVERY_GROUP_TEXT],
    ['RECORDS', (r) => String(r.records)],
  ]);
  for (const { reason, records } of skipped) output.line(`skipped ${records}: ${reason}`);
  if (tally.filteredOut > 0) output.line(`${tally.filteredOut} dead letter(s) did not match the filters${run.group !== undefined ? ` (--group ${run.group} included)` : ''}`);
  output.line(run.execute ? `remembered in ${run.ledgerTopic}; a second redrive skips them unless --force` : 'nothing was written; add --execute to send');
}
