import { CloudEventHeader } from '@eventline/contracts';
import type { TopicRecord } from './orders-test-kit';

/** An outbox row as the specs compare it with the topic. */
export interface CommittedEvent {
  readonly eventId: string;
  readonly key: string;
  readonly seq: number;
}

/**
 * What the outbox promises, checked against what is on the topic: every committed event is
 * there; per order, an event first appears only after its predecessor appeared (re-sends
 * of earlier events may follow); every copy of one ce_id has the same bytes and ce_time.
 * Returns a list of violations, empty when all holds.
 */
export function outboxViolations(committed: readonly CommittedEvent[], records: readonly TopicRecord[]): string[] {
  const problems: string[] = [];
  const byId = new Map(committed.map((event) => [event.eventId, event]));
  const copies = new Map<string, TopicRecord[]>();
  const highest = new Map<string, number>();
  for (const record of records) {
    const id = record.headers[CloudEventHeader.Id];
    const event = byId.get(id);
    if (!event) continue;
    copies.set(id, [...(copies.get(id) ?? []), record]);
    const seen = highest.get(event.key) ?? 0;
    if (event.seq > seen + 1) problems.push(`order ${event.key}: event ${event.seq} appeared before event ${seen + 1}`);
    if (event.key !== record.key) problems.push(`event ${id} has key ${record.key}, expected ${event.key}`);
    highest.set(event.key, Math.max(seen, event.seq));
  }
  for (const event of committed) {
    const found = copies.get(event.eventId) ?? [];
    if (found.length === 0) problems.push(`order ${event.key}: event ${event.seq} (${event.eventId}) never published`);
    const [first, ...rest] = found;
    for (const copy of rest) {
      if (!copy.value.equals(first.value) || copy.headers[CloudEventHeader.Time] !== first.headers[CloudEventHeader.Time]) {
        problems.push(`event ${event.eventId}: a re-sent copy differs from the first`);
      }
    }
  }
  return problems;
}
