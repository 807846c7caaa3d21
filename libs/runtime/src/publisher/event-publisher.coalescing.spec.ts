import { EventCatalog, type OrderCancelled } from '@eventline/contracts';
import { partitionForKey } from './murmur2.partitioner';
import { ORDER_PAID, fakePublisher, orderPaid } from './testing/publisher-fixture';

/** The paymentId sequence numbers written to each key, in the order given. */
async function sequencesByKey(records: ReadonlyArray<{ key: string; value: Buffer }>, decode: (value: Buffer) => Promise<{ paymentId: string }>) {
  const byKey = new Map<string, number[]>();
  for (const record of records) byKey.set(record.key, [...(byKey.get(record.key) ?? []), Number((await decode(record.value)).paymentId.slice(4))]);
  return byKey;
}

const CANCELLED: OrderCancelled = { orderId: 'order-1', reason: 'CUSTOMER_REQUEST', note: null, refundMinor: 0n, currency: 'EUR', cancelledAt: 1 };

describe('EventPublisher coalescing', () => {
  it('sends concurrent publishes together, one request per partition, and each caller gets its own receipt', async () => {
    const { kafka, publisher } = await fakePublisher({ lingerMs: 5 });
    const receipts = await Promise.all(Array.from({ length: 20 }, (_, i) => publisher.publish(ORDER_PAID, orderPaid(`order-${i % 4}`, i), { id: `evt-${i}` })));

    const partitions = new Set(receipts.map((r) => r.partition));
    expect(kafka.batches).toHaveLength(partitions.size);
    expect(kafka.batches.every((b) => new Set(b.topicMessages!.flatMap((t) => t.messages.map((m) => m.partition))).size === 1)).toBe(true);
    expect(receipts.map((r) => r.id)).toEqual(Array.from({ length: 20 }, (_, i) => `evt-${i}`));
    for (const receipt of receipts) {
      const stored = kafka.written('orders', receipt.partition).find((w) => w.offset === receipt.offset);
      expect(stored?.headers.ce_id).toBe(receipt.id);
      expect(receipt.partition).toBe(partitionForKey(stored!.key, 6));
    }
    await publisher.disconnect();
  });

  it('keeps call order per key, also across batches split by maxBatchCount', async () => {
    const { kafka, publisher, codec } = await fakePublisher({ maxBatchCount: 7 });
    const decoder = codec.decoderFor<{ paymentId: string }>(EventCatalog[ORDER_PAID].schema);
    await Promise.all(Array.from({ length: 60 }, (_, i) => publisher.publish(ORDER_PAID, orderPaid(`order-${i % 5}`, i))));

    expect(kafka.allWritten()).toHaveLength(60);
    expect(kafka.batches.every((b) => b.topicMessages!.flatMap((t) => t.messages).length <= 7)).toBe(true);
    // Each partition's log is in offset order; a key lives on one partition.
    const byKey = await sequencesByKey(kafka.allWritten(), (v) => decoder.decode(v));
    for (const [key, sequences] of byKey) {
      expect({ key, sequences }).toEqual({ key, sequences: [...sequences].sort((a, b) => a - b) });
    }
    await publisher.disconnect();
  });

  it('keeps one batch in flight; publishes made meanwhile go together right after it', async () => {
    const { kafka, publisher } = await fakePublisher({ lingerMs: 1 });
    kafka.sendDelayMs = 200;
    const first = publisher.publish(ORDER_PAID, orderPaid('order-1', 0));
    // Until the first batch is on its way (not a fixed sleep: a busy machine may take longer).
    while (kafka.batches.length === 0) await new Promise((resolve) => setTimeout(resolve, 1));
    const later = Array.from({ length: 5 }, (_, i) => publisher.publish(ORDER_PAID, orderPaid('order-1', i + 1)));
    expect(kafka.batches).toHaveLength(1);

    const receipts = await Promise.all([first, ...later]);
    expect(kafka.batches).toHaveLength(2);
    expect(kafka.batches[1].topicMessages![0].messages).toHaveLength(5);
    expect(receipts.map((r) => r.offset)).toEqual(['0', '1', '2', '3', '4', '5']);
    await publisher.disconnect();
  });

  it('keeps call order when an earlier publish still waits for its schema id', async () => {
    const { kafka, publisher } = await fakePublisher({ lingerMs: 0 });
    // The first OrderCancelled needs a registry round trip; the OrderPaid after it is warm.
    await publisher.publish(ORDER_PAID, orderPaid('order-1', 0));
    const cancelled = publisher.publish('dev.eventline.orders.OrderCancelled', CANCELLED);
    const paid = publisher.publish(ORDER_PAID, orderPaid('order-1', 1));
    const [c, p] = await Promise.all([cancelled, paid]);
    expect(BigInt(c.offset)).toBeLessThan(BigInt(p.offset));
    expect(kafka.allWritten().map((w) => w.headers.ce_type)).toEqual([ORDER_PAID, 'dev.eventline.orders.OrderCancelled', ORDER_PAID]);
    await publisher.disconnect();
  });

  it('splits by maxBatchBytes too', async () => {
    const { kafka, publisher } = await fakePublisher({ maxBatchBytes: 1_024 });
    await Promise.all(Array.from({ length: 30 }, (_, i) => publisher.publish(ORDER_PAID, orderPaid(`order-${i}`, i))));
    expect(kafka.batches.length).toBeGreaterThan(1);
    expect(kafka.batches.flatMap((b) => b.topicMessages!.flatMap((t) => t.messages))).toHaveLength(30);
    await publisher.disconnect();
  });
});
