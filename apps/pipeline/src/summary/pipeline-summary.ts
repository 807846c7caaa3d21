import type { Admin } from 'kafkajs';

export interface GroupWatch {
  readonly groupId: string;
  readonly topics: readonly string[];
}

export interface SummarySnapshot {
  readonly produced: Record<string, bigint>;
  readonly groups: Record<string, { consumed: bigint; lag: bigint }>;
  readonly retries: number;
  readonly deadLetters: bigint;
}

/** Sums one metric family over the Prometheus text of several /metrics endpoints. */
async function scrapeSum(urls: readonly string[], metric: string): Promise<number> {
  let total = 0;
  for (const url of urls) {
    const text = await fetch(url).then((r) => (r.ok ? r.text() : ''), () => '');
    for (const line of text.split('\n')) {
      if (line.startsWith(`${metric}{`) || line.startsWith(`${metric} `)) total += Number(line.slice(line.lastIndexOf(' ') + 1)) || 0;
    }
  }
  return total;
}

/**
 * What the live summary shows, read from Kafka itself (end offsets, committed offsets) and
 * from the workers' /metrics (retries): nothing is counted twice or guessed.
 */
export async function takeSnapshot(admin: Admin, topics: readonly string[], deadLetterTopics: readonly string[], groups: readonly GroupWatch[], metricsUrls: readonly string[]): Promise<SummarySnapshot> {
  const ends = new Map<string, Map<number, bigint>>();
  const produced: Record<string, bigint> = {};
  for (const topic of [...topics, ...deadLetterTopics]) {
    const offsets = await admin.fetchTopicOffsets(topic);
    ends.set(topic, new Map(offsets.map((o) => [o.partition, BigInt(o.high)])));
    produced[topic] = offsets.reduce((n, o) => n + BigInt(o.high) - BigInt(o.low), 0n);
  }
  const groupStats: SummarySnapshot['groups'] = {};
  for (const group of groups) {
    let consumed = 0n;
    let lag = 0n;
    for (const entry of await admin.fetchOffsets({ groupId: group.groupId, topics: [...group.topics] })) {
      for (const p of entry.partitions) {
        const end = ends.get(entry.topic)?.get(p.partition) ?? 0n;
        const committed = p.offset === '-1' ? 0n : BigInt(p.offset);
        consumed += committed;
        lag += end > committed ? end - committed : 0n;
      }
    }
    groupStats[group.groupId] = { consumed, lag };
  }
  const deadLetters = deadLetterTopics.reduce((n, t) => n + (produced[t] ?? 0n), 0n);
  return { produced, groups: groupStats, retries: await scrapeSum(metricsUrls, 'eventline_record_retries_total'), deadLetters };
}

/**
 * Two kinds of numbers, labelled as such: topic totals (everything the topic holds, earlier
 * runs included, since broker data is kept) with this run's share beside them, and this run's
 * own traffic and retries. `baseline` is the snapshot taken when this run started.
 */
export function formatSnapshot(s: SummarySnapshot, baseline: SummarySnapshot, extra: string): string {
  const since = (now: bigint, then: bigint | undefined) => `+${now - (then ?? 0n)}`;
  const produced = Object.entries(s.produced)
    .filter(([t]) => !t.endsWith('.dlq'))
    .map(([t, n]) => `${t} ${n} (${since(n, baseline.produced[t])})`)
    .join('  ');
  const groups = Object.entries(s.groups)
    .map(([g, v]) => `${g}: consumed ${since(v.consumed, baseline.groups[g]?.consumed)} lag ${v.lag}`)
    .join(' | ');
  return (
    `in topics, all time (this run): ${produced}\n` +
    `  this run: ${groups}\n` +
    `  retries ${s.retries}  dead letters ${s.deadLetters} (${since(s.deadLetters, baseline.deadLetters)})  ${extra}`
  );
}
