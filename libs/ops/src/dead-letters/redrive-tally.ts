import type { RedriveSkip } from './redrive-route';

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
