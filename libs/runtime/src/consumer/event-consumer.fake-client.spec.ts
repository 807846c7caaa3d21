import { FakeKafkaClient } from '../kafka/fake/fake-kafka-client';
import { EventConsumer } from './event-consumer';
import type { EventRoute } from './event-route';
import { ProcessingMode } from './event-route';

/** Lets every queued promise callback and immediate run, a bounded number of rounds, until `done()`. */
async function settle(done: () => boolean, what: string): Promise<void> {
  for (let round = 0; round < 1_000; round++) {
    if (done()) return;
    await new Promise((resolve) => setImmediate(resolve));
  }
  throw new Error(`never happened: ${what}`);
}

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

const committedOffsets = (kafka: FakeKafkaClient) => kafka.commits.flat().map((c) => `${c.partition}@${c.offset}`);

describe('EventConsumer on the fake Kafka client', () => {
  let consumer: EventConsumer | undefined;
  afterEach(async () => {
    await consumer?.stop();
    consumer = undefined;
  });

  async function started(routes: EventRoute<never>[], topics: Record<string, number> = { orders: 2, 'orders.dlq': 2 }) {
    const kafka = new FakeKafkaClient(topics);
    consumer = new EventConsumer({ client: kafka, groupId: 'group-a', routes, commit: { maxUncommittedRecords: 1, maxUncommittedMs: 0 }, shutdownTimeoutMs: 5_000 });
    await consumer.start();
    return kafka;
  }

  it('drives a consumer through a rebalance: running records finish with the old generation, nothing starts while draining, nothing of an old generation is recorded after the next assignment', async () => {
    const handled: string[] = [];
    const slow = deferred();
    let slowEntered = false;
    const hold: { next?: { gate: Promise<void>; entered: () => void } } = {};
    const kafka = await started([
      {
        topic: 'orders',
        eventType: '*',
        handler: async (value: Buffer) => {
          const text = value.toString();
          if (text === 'slow-1') {
            slowEntered = true;
            await slow.promise;
          } else if (hold.next) {
            hold.next.entered();
            await hold.next.gate;
          }
          handled.push(text);
        },
      },
    ]);
    kafka.assign({ orders: [0, 1] });

    await kafka.deliver('orders', 0, [{ offset: '0', value: 'a' }, { offset: '1', value: 'b' }]).done;
    expect(committedOffsets(kafka)).toContain('0@2');

    const running = kafka.deliver('orders', 1, [{ offset: '0', value: 'slow-1' }, { offset: '1', value: 'c' }]);
    await settle(() => slowEntered, 'the slow handler to start');

    kafka.revoke();
    const whileDraining = kafka.deliver('orders', 0, [{ offset: '2', value: 'd' }]);
    await whileDraining.done;
    expect(whileDraining.resolved).toEqual([]);

    slow.resolve();
    await running.done;
    // The record that was running finished before the next assignment: recorded and committed
    // (old generation); the one after it did not start.
    await settle(() => committedOffsets(kafka).includes('1@1'), 'the draining commit of partition 1');
    expect(handled).toEqual(['a', 'b', 'slow-1']);

    // Next generation: partition 1 only. A record of it runs, the group rebalances again, and
    // it finishes only after the assignment after that: not recorded, the next owner redoes it.
    kafka.assign({ orders: [1] });
    const gate = deferred();
    let entered = false;
    hold.next = { gate: gate.promise, entered: () => (entered = true) };
    const stale = kafka.deliver('orders', 1, [{ offset: '1', value: 'slow-2' }]);
    await settle(() => entered, 'the second slow handler to start');
    kafka.revoke();
    kafka.assign({ orders: [1] });
    gate.resolve();
    await stale.done;
    expect(handled).toEqual(['a', 'b', 'slow-1', 'slow-2']);
    await consumer!.stop();
    expect(committedOffsets(kafka)).not.toContain('1@2');
  });

  it('pauses a failing partition, retries the record on its next delivery with attempt 2, then commits past it', async () => {
    const attempts: number[] = [];
    const kafka = await started([
      {
        topic: 'orders',
        eventType: '*',
        retry: { maxAttempts: 3, initialDelayMs: 1, maxDelayMs: 1, jitter: 0 },
        handler: (value: Buffer, context) => {
          attempts.push(context.attempt);
          if (value.toString() === 'x' && context.attempt === 1) throw new Error('transient');
        },
      },
    ]);
    kafka.assign({ orders: [0, 1] });
    const first = kafka.deliver('orders', 0, [{ offset: '5', value: 'x' }, { offset: '6', value: 'y' }]);
    await first.done;
    expect(first.paused).toBe(true);
    expect(first.resolved).toEqual([]);

    const again = kafka.deliver('orders', 0, [{ offset: '5', value: 'x' }, { offset: '6', value: 'y' }]);
    await again.done;
    expect(attempts).toEqual([1, 2, 1]);
    expect(again.resolved).toEqual(['6']);
    expect(committedOffsets(kafka)).toContain('0@7');
  });

  it('commits key order’s watermark with the records finished above it, and skips those on the next generation', async () => {
    const gate = deferred();
    const handled: string[] = [];
    const kafka = await started([
      {
        topic: 'orders',
        eventType: '*',
        mode: ProcessingMode.KeyOrder,
        handler: async (value: Buffer) => {
          if (value.toString() === 'held') await gate.promise;
          handled.push(value.toString());
        },
      },
    ]);
    kafka.assign({ orders: [0] });
    const batch = kafka.deliver('orders', 0, [
      { offset: '0', key: 'k1', value: 'held' },
      { offset: '1', key: 'k2', value: 'free-1' },
      { offset: '2', key: 'k2', value: 'free-2' },
    ]);
    await settle(() => handled.length === 2, 'the other key’s records');
    kafka.revoke();
    await settle(() => kafka.commits.length > 0, 'the revoke commit');
    const last = kafka.commits.flat().at(-1)!;
    expect(last.offset).toBe('0');
    expect(last.metadata).toMatch(/^ko1:/);
    // The next assignment arrives before the held record finishes: it is not recorded, so the
    // next generation starts from the commit: offsets 1 and 2 are skipped, 0 runs again.
    kafka.assign({ orders: [0] });
    gate.resolve();
    await batch.done;
    await settle(() => handled.includes('held'), 'the held record to finish');
    handled.length = 0;
    await kafka.deliver('orders', 0, [
      { offset: '0', key: 'k1', value: 'again' },
      { offset: '1', key: 'k2', value: 'free-1' },
      { offset: '2', key: 'k2', value: 'free-2' },
    ]).done;
    await settle(() => handled.length === 1, 'the redone record');
    expect(handled).toEqual(['again']);
    await consumer!.stop();
    expect(kafka.commits.flat().at(-1)).toMatchObject({ offset: '3' });
  });
});
