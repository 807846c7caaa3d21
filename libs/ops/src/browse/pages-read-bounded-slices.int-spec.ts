import type { Admin, Message } from 'kafkajs';
import { deadLetterHeaders } from '@eventline/runtime';
import { testKafka, TestTopics } from '@eventline/testing';
import { readDeadLetterPage } from './dead-letter-page';
import { readPartitionPage, readRecordAt } from './partition-page';

const kafka = testKafka();
const topics = new TestTopics(kafka);
let admin: Admin;
let dlq: string;
let plain: string;

/** 2 partitions × 150 dead letters; every third one failed with VALIDATION, the rest with TIMEOUT. */
function deadLetter(partition: number, i: number): Message {
  const errorCode = i % 3 === 0 ? 'VALIDATION' : 'TIMEOUT';
  return {
    partition,
    key: `order-${partition}-${i}`,
    value: Buffer.from(`payload-${partition}-${i}`),
    // Timestamps increase with i in both partitions, so "newest first" is well defined.
    timestamp: String(1_700_000_000_000 + i * 1_000 + partition),
    headers: {
      ...deadLetterHeaders({
        sourceTopic: 'orders',
        sourcePartition: partition,
        sourceOffset: String(i),
        sourceTimestamp: '1700000000000',
        consumerGroup: 'fulfillment',
        attempts: 3,
        errorClass: 'OrderError',
        errorCode,
        errorMessage: `order ${i} failed`,
        failedAt: new Date(1_700_000_000_000 + i * 1_000).toISOString(),
      }),
      ce_type: i % 2 === 0 ? 'OrderPlaced' : 'OrderCancelled',
    },
  };
}

beforeAll(async () => {
  admin = await topics.admin();
  dlq = await topics.create('orders.dlq', 2);
  plain = await topics.create('browse-plain', 1);
  const producer = kafka.producer({ idempotent: true });
  await producer.connect();
  for (const partition of [0, 1]) {
    await producer.send({ topic: dlq, acks: -1, messages: Array.from({ length: 150 }, (_, i) => deadLetter(partition, i)) });
  }
  await producer.send({
    topic: plain,
    acks: -1,
    messages: Array.from({ length: 120 }, (_, i) => ({ key: i % 10 === 0 ? 'special' : `k${i}`, value: `v${i}`, headers: { tenant: i % 2 === 0 ? 'even' : 'odd' } })),
  });
  await producer.disconnect();
});

afterAll(() => topics.cleanup());

describe('dead-letter pages', () => {
  it('walk the whole topic newest first by cursor, each dead letter exactly once', async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await readDeadLetterPage(kafka, admin, { dlqTopic: dlq, cursor, limit: 40 });
      pages += 1;
      for (const entry of page.entries) seen.push(`${entry.partition}:${entry.message.offset}`);
      if (pages === 1) {
        expect(page.entries.map((e) => e.message.offset).slice(0, 2)).toEqual(['149', '149']);
        expect(page.scanned).toBeLessThan(300);
      }
      cursor = page.nextCursor ?? undefined;
    } while (cursor && pages < 20);
    expect(new Set(seen).size).toBe(300);
    expect(seen).toHaveLength(300);
    expect(pages).toBe(8);
  });

  it('filter by error code and source partition, newest first', async () => {
    const page = await readDeadLetterPage(kafka, admin, { dlqTopic: dlq, limit: 10, filter: { errorCode: 'VALIDATION', sourcePartition: 1 } });
    expect(page.entries).toHaveLength(10);
    expect(page.entries.every((e) => e.partition === 1 && e.reading.info?.errorCode === 'VALIDATION')).toBe(true);
    expect(page.entries.map((e) => e.message.offset)).toEqual(['147', '144', '141', '138', '135', '132', '129', '126', '123', '120']);
  });

  it('stop at the scan budget and say the page is partial, with a cursor to read on', async () => {
    const page = await readDeadLetterPage(kafka, admin, { dlqTopic: dlq, limit: 50, scanBudget: 40, filter: { errorCode: 'NO_SUCH_CODE' } });
    expect(page.entries).toEqual([]);
    expect(page.scanned).toBeLessThanOrEqual(40);
    expect(page.partial).toBe(true);
    expect(page.nextCursor).not.toBeNull();
  });

  it('read only the time slice a time filter names', async () => {
    const from = 1_700_000_000_000 + 100 * 1_000;
    const to = 1_700_000_000_000 + 110 * 1_000;
    const page = await readDeadLetterPage(kafka, admin, { dlqTopic: dlq, limit: 200, filter: { fromTime: from, toTime: to } });
    expect(page.entries).toHaveLength(20);
    expect(page.scanned).toBeLessThanOrEqual(22);
    expect(page.nextCursor).toBeNull();
  });

  it('name an unknown topic', async () => {
    await expect(readDeadLetterPage(kafka, admin, { dlqTopic: `${dlq}-missing` })).rejects.toMatchObject({ code: 'OPS_UNKNOWN_TOPIC' });
  });
});

describe('partition pages', () => {
  it('read forwards from an offset and say where to go on', async () => {
    const page = await readPartitionPage(kafka, admin, { topic: plain, partition: 0, fromOffset: 100n, limit: 15 });
    expect(page.messages.map((m) => m.offset)).toEqual(Array.from({ length: 15 }, (_, i) => String(100 + i)));
    expect(page.nextOffset).toBe(115n);
    const last = await readPartitionPage(kafka, admin, { topic: plain, partition: 0, fromOffset: 115n, limit: 15 });
    expect(last.messages).toHaveLength(5);
    expect(last.nextOffset).toBeNull();
  });

  it('filter by key and by header', async () => {
    const byKey = await readPartitionPage(kafka, admin, { topic: plain, partition: 0, key: 'special', limit: 50 });
    expect(byKey.messages.map((m) => m.offset)).toEqual(['0', '10', '20', '30', '40', '50', '60', '70', '80', '90', '100', '110']);
    const byHeader = await readPartitionPage(kafka, admin, { topic: plain, partition: 0, header: { name: 'tenant', value: 'odd' }, limit: 3 });
    expect(byHeader.messages.map((m) => m.offset)).toEqual(['1', '3', '5']);
    expect(byHeader.nextOffset).toBe(6n);
  });

  it('refuse an offset outside the partition and a partition the topic lacks', async () => {
    await expect(readPartitionPage(kafka, admin, { topic: plain, partition: 0, fromOffset: 500n })).rejects.toMatchObject({ code: 'OPS_OFFSET_OUT_OF_RANGE' });
    await expect(readPartitionPage(kafka, admin, { topic: plain, partition: 7 })).rejects.toMatchObject({ code: 'OPS_UNKNOWN_PARTITION' });
  });

  it('read one record by its coordinates, and nothing past the end', async () => {
    const record = await readRecordAt(kafka, admin, dlq, 1, 42n);
    expect(record?.key?.toString()).toBe('order-1-42');
    await expect(readRecordAt(kafka, admin, dlq, 1, 150n)).resolves.toBeUndefined();
  });
});
