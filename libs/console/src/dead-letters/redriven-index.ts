import type { Admin, Kafka } from 'kafkajs';
import { readTopic, RedriveLedger } from '@eventline/ops';

interface LedgerState {
  readonly done: Set<string>;
  /** Next ledger offset to read. */
  next: bigint;
}

/**
 * Which dead letters were already redriven, for the pages' "already redriven" marks: the
 * redrive ledger (`<dlq>.redriven`, compacted, one small record per redriven dead letter)
 * read once and then only what was appended since, so a page costs the new entries and not
 * the ledger. A redrive itself still reads the ledger whole (libs/ops): this index only
 * labels, it never decides what is sent.
 */
export class RedrivenIndex {
  private readonly ledgers = new Map<string, LedgerState>();

  constructor(
    private readonly kafka: Kafka,
    private readonly admin: Admin,
  ) {}

  /** The index of one DLQ, brought up to the ledger's end. */
  async of(dlqTopic: string): Promise<(partition: number, offset: string) => boolean> {
    const topic = RedriveLedger.topicFor(dlqTopic);
    let state = this.ledgers.get(dlqTopic);
    if (!state) this.ledgers.set(dlqTopic, (state = { done: new Set(), next: 0n }));
    if ((await this.admin.listTopics()).includes(topic)) {
      const [marks] = await this.admin.fetchTopicOffsets(topic);
      const high = BigInt(marks.high);
      const from = state.next > BigInt(marks.low) ? state.next : BigInt(marks.low);
      if (from < high) {
        const ledger = state;
        await readTopic(this.kafka, topic, [{ partition: 0, from, to: high }], async ({ messages }) => {
          for (const m of messages) if (m.key && m.value !== null) ledger.done.add(m.key.toString());
        });
        ledger.next = high;
      }
    }
    const done = state.done;
    return (partition, offset) => done.has(RedriveLedger.key(partition, offset));
  }
}
