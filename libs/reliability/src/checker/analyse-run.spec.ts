import { analyseRun, type TopicIndex } from './analyse-run';
import type { ProcessingRecord } from './processing-log';
import { SendOutcome, type SendRecord } from './send-ledger';

// Event "k:s" is seq s of key k; it was acked at partition 0, offset = its position.
const sent = (spec: string, outcome: SendRecord['outcome'] = SendOutcome.Acked, offset = '0'): SendRecord => {
  const [key, seq] = spec.split(':');
  return { id: spec, key, seq: Number(seq), outcome, atMs: 0, ...(outcome === SendOutcome.Acked ? { partition: 0, offset } : {}) };
};
// Processings in the order given (n = position).
const processed = (...specs: string[]): ProcessingRecord[] =>
  specs.map((spec, n) => {
    const [key, seq] = spec.split(':');
    return { n, id: spec, key, seq: Number(seq), partition: 0, offset: '0', instance: 'c1' };
  });
const topicWith = (...ids: string[]): TopicIndex => {
  const index = new Map<string, Array<{ partition: number; offset: string }>>();
  for (const id of ids) index.set(id, [...(index.get(id) ?? []), { partition: 0, offset: '0' }]);
  return index;
};

const acked = (...specs: string[]) => specs.map((s) => sent(s));

describe('analyseRun', () => {
  it.each<[string, SendRecord[], ProcessingRecord[], TopicIndex | undefined, Record<string, unknown>]>([
    ['a clean run', acked('a:1', 'a:2', 'b:1'), processed('a:1', 'b:1', 'a:2'), undefined, { lost: 0, duplicates: 0, orderViolations: 0, processed: 3 }],
    ['an acked event never processed, not scanned', acked('a:1', 'a:2'), processed('a:1'), undefined, { lost: 1, lostUnclassified: 1, lostIds: ['a:2'] }],
    ['a lost event still in the topic: consumer skip', acked('a:1', 'a:2'), processed('a:1'), topicWith('a:1', 'a:2'), { lost: 1, lostConsumerSkipped: 1, lostBrokerMissing: 0 }],
    ['a lost event absent from the topic: broker loss', acked('a:1', 'a:2'), processed('a:1'), topicWith('a:1'), { lost: 1, lostConsumerSkipped: 0, lostBrokerMissing: 1 }],
    ['a redelivery after a crash is a duplicate, not a reordering', acked('a:1', 'a:2', 'a:3'), processed('a:1', 'a:2', 'a:3', 'a:2', 'a:3'), undefined, { duplicates: 2, duplicatedEvents: 2, orderViolations: 0 }],
    ['seq 2 first handled before seq 1', acked('a:1', 'a:2'), processed('a:2', 'a:1'), undefined, { orderViolations: 1, duplicates: 0 }],
    ['order is per key: interleaved keys are fine', acked('a:1', 'a:2', 'b:1', 'b:2'), processed('b:1', 'a:1', 'b:2', 'a:2'), undefined, { orderViolations: 0 }],
    ['a gap (n−1 lost) is loss, not an order violation', acked('a:1', 'a:2', 'a:3'), processed('a:1', 'a:3'), undefined, { lost: 1, orderViolations: 0 }],
    [
      'a failed send that never arrives is not lost',
      [sent('a:1'), sent('a:2', SendOutcome.Failed)],
      processed('a:1'),
      undefined,
      { events: 2, acked: 1, failed: 1, lost: 0 },
    ],
    [
      'an indeterminate send may arrive or not',
      [sent('a:1', SendOutcome.Indeterminate), sent('a:2', SendOutcome.Indeterminate)],
      processed('a:1'),
      undefined,
      { lost: 0, indeterminate: 2, indeterminateProcessed: 1 },
    ],
    ['a failed send that was processed flags the ledger', [sent('a:1', SendOutcome.Failed)], processed('a:1'), undefined, { processedButFailed: 1 }],
    ['a processing of an id never sent is counted apart', acked('a:1'), processed('a:1', 'x:1'), undefined, { processedUnknown: 1, processed: 1 }],
    ['an id twice in the topic', acked('a:1', 'a:2'), processed('a:1', 'a:2'), topicWith('a:1', 'a:2', 'a:2'), { topicDuplicateIds: 1 }],
  ])('%s', (_name, sends, processings, topic, expected) => {
    expect(analyseRun(sends, processings, topic)).toMatchObject(expected);
  });

  it('tells a redelivery inside one member from a handoff to another', () => {
    const processings = processed('a:1', 'a:2', 'a:1', 'a:2').map((p, n) => ({ ...p, instance: n === 3 ? 'c2' : 'c1' }));
    expect(analyseRun(acked('a:1', 'a:2'), processings)).toMatchObject({ duplicates: 2, duplicatesSameInstance: 1 });
  });

  it('flags an acknowledgement whose partition and offset are not where the topic holds the event', () => {
    const sends = [sent('a:1', SendOutcome.Acked, '0'), sent('a:2', SendOutcome.Acked, '7')];
    const topic = new Map([
      ['a:1', [{ partition: 0, offset: '0' }]],
      ['a:2', [{ partition: 0, offset: '1' }]],
    ]);
    expect(analyseRun(sends, processed('a:1', 'a:2'), topic).misplacedAcks).toBe(1);
  });

  it('judges order by the global processing position, not by the order rows are given', () => {
    const rows = processed('a:1', 'a:2').reverse();
    expect(analyseRun(acked('a:1', 'a:2'), rows).orderViolations).toBe(0);
  });
});
