import type { RecordMetadata, TopicMessages } from 'kafkajs';
import { OpsErrorCode, OpsRemedy, isOpsError } from '../errors/ops.error';
import { keyPartitioner } from './key-partitioner';
import { RecordWriter } from './record-writer';

const metadata = (partitions: number) => ({
  fetchTopicMetadata: async () => ({ topics: [{ name: 't', partitions: Array.from({ length: partitions }, (_, partitionId) => ({ partitionId })) }] }),
});

/** A producer that acknowledges every partition except those in `silent` (kafkajs#1303). */
function producer(silent: ReadonlySet<number>) {
  const sent: Array<{ partition: number; keys: string[] }> = [];
  return {
    sent,
    sendBatch: async ({ topicMessages }: { topicMessages?: TopicMessages[] }): Promise<RecordMetadata[]> =>
      (topicMessages ?? []).flatMap(({ topic, messages }) => {
        const partition = messages[0].partition as number;
        sent.push({ partition, keys: messages.map((m) => String(m.key)) });
        return silent.has(partition) ? [] : [{ topicName: topic, partition, errorCode: 0, baseOffset: '0' }];
      }),
  };
}

describe('RecordWriter', () => {
  it('sends each record to the partition it names and returns once all are acknowledged', async () => {
    const fake = producer(new Set());
    await new RecordWriter(fake, metadata(4) as never).send('t', [
      { key: 'a', value: null, partition: 3 },
      { key: null, value: Buffer.from('v'), partition: 1 },
    ]);
    expect(fake.sent.map((s) => s.partition).sort()).toEqual([1, 3]);
  });

  it('resends a partition Kafka left out, then stops with an error that names no flag', async () => {
    const fake = producer(new Set([2]));
    expect.assertions(4);
    try {
      await new RecordWriter(fake, metadata(4) as never).send('t', [{ key: 'a', value: null, partition: 2 }]);
    } catch (err) {
      expect(isOpsError(err, OpsErrorCode.SendNotAcknowledged)).toBe(true);
      expect((err as Error).message).toBe('Kafka did not acknowledge t partition(s) 2 after 3 attempts; nothing past them was sent');
      expect(isOpsError(err) && err.detail.remedy).toBe(OpsRemedy.RunAgain);
      expect(fake.sent).toHaveLength(3);
    }
  });
});

describe('keyPartitioner', () => {
  it('places a key where murmur2 puts it and keyless records round the partitions', async () => {
    const choose = await keyPartitioner(metadata(3) as never, 't');
    expect(choose({ key: 'order-1' })).toBe(choose({ key: Buffer.from('order-1') }));
    expect([choose({ key: null }), choose({ key: null }), choose({ key: null }), choose({ key: null })]).toEqual([0, 1, 2, 0]);
  });
});
