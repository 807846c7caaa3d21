import type { ProcessingRecord } from './processing-log';
import { SendOutcome, type SendRecord } from './send-ledger';
import { SAMPLE_LIMIT, type ValidationReport } from './validation-report';

/** Where each id sits in the topic, from a scan (one entry per copy). */
export type TopicIndex = ReadonlyMap<string, ReadonlyArray<{ partition: number; offset: string }>>;

/**
 * The analysis, kept pure so it can be tested against hand-written histories.
 *
 * - lost = acked − processed; each lost id is looked up in the topic (if scanned): present
 *   means the consumer skipped it, absent means the broker lost it (or acked falsely).
 * - order: per key, compare *first* processings only. A redelivery after a crash replays
 *   seq n−1 after n, which is a duplicate, not a reordering; what must hold is that n was
 *   never handled before n−1 had been.
 * - duplicates: every processing of an id after its first; those by an instance that had
 *   already handled the id are counted apart (a redelivery inside one member, not a handoff).
 */
export function analyseRun(sends: readonly SendRecord[], processings: readonly ProcessingRecord[], topic?: TopicIndex): ValidationReport {
  const sendById = new Map(sends.map((s) => [s.id, s]));
  const firstAt = new Map<string, number>();
  const copies = new Map<string, number>();
  const handledBy = new Map<string, Set<string>>();
  let duplicatesSameInstance = 0;
  let processedUnknown = 0;
  for (const p of [...processings].sort((a, b) => a.n - b.n)) {
    if (!sendById.has(p.id)) {
      processedUnknown++;
      continue;
    }
    copies.set(p.id, (copies.get(p.id) ?? 0) + 1);
    let instances = handledBy.get(p.id);
    if (!instances) handledBy.set(p.id, (instances = new Set()));
    if (instances.has(p.instance)) duplicatesSameInstance++;
    instances.add(p.instance);
    if (!firstAt.has(p.id)) firstAt.set(p.id, p.n);
  }

  const acked = sends.filter((s) => s.outcome === SendOutcome.Acked);
  const lostIds = acked.filter((s) => !firstAt.has(s.id)).map((s) => s.id);
  let lostConsumerSkipped = 0;
  let lostBrokerMissing = 0;
  for (const id of lostIds) {
    if (!topic) continue;
    if (topic.has(id)) lostConsumerSkipped++;
    else lostBrokerMissing++;
  }

  // Per key: seq -> position of its first processing.
  const firstBySeq = new Map<string, Map<number, number>>();
  for (const [id, n] of firstAt) {
    const s = sendById.get(id);
    if (!s) continue;
    let byKey = firstBySeq.get(s.key);
    if (!byKey) firstBySeq.set(s.key, (byKey = new Map()));
    byKey.set(s.seq, n);
  }
  const samples: Array<{ key: string; seq: number; firstAt: number; previousFirstAt: number }> = [];
  let orderViolations = 0;
  for (const [key, bySeq] of firstBySeq) {
    for (const [seq, n] of bySeq) {
      const previous = bySeq.get(seq - 1);
      if (previous !== undefined && n < previous) {
        orderViolations++;
        if (samples.length < SAMPLE_LIMIT) samples.push({ key, seq, firstAt: n, previousFirstAt: previous });
      }
    }
  }

  let duplicates = 0;
  let duplicatedEvents = 0;
  for (const count of copies.values()) {
    if (count > 1) {
      duplicates += count - 1;
      duplicatedEvents++;
    }
  }

  let misplacedAcks: number | undefined;
  let topicDuplicateIds: number | undefined;
  if (topic) {
    misplacedAcks = acked.filter((s) => {
      const at = topic.get(s.id);
      return at !== undefined && !at.some((c) => c.partition === s.partition && c.offset === s.offset);
    }).length;
    topicDuplicateIds = [...topic.values()].filter((at) => at.length > 1).length;
  }

  return {
    events: sends.length,
    acked: acked.length,
    failed: sends.filter((s) => s.outcome === SendOutcome.Failed).length,
    indeterminate: sends.filter((s) => s.outcome === SendOutcome.Indeterminate).length,
    processed: firstAt.size,
    lost: lostIds.length,
    lostConsumerSkipped,
    lostBrokerMissing,
    lostUnclassified: topic ? 0 : lostIds.length,
    lostIds: lostIds.slice(0, SAMPLE_LIMIT),
    duplicates,
    duplicatedEvents,
    duplicatesSameInstance,
    orderViolations,
    orderViolationSamples: samples,
    processedButFailed: sends.filter((s) => s.outcome === SendOutcome.Failed && firstAt.has(s.id)).length,
    processedUnknown,
    indeterminateProcessed: sends.filter((s) => s.outcome === SendOutcome.Indeterminate && firstAt.has(s.id)).length,
    topicDuplicateIds,
    misplacedAcks,
  };
}
