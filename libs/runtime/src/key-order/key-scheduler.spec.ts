import type { KafkaMessage } from 'kafkajs';
import { KeyScheduler, type JobResult, type KeyJob } from './key-scheduler';
import { ProcessLimiter } from './process-limiter';

const job = (offset: number): KeyJob => ({ message: { offset: String(offset) } as KafkaMessage, offset: BigInt(offset), attempt: 1 });

/** A scheduler whose jobs finish only when the test says so. */
function controlledScheduler(partitionLimit = 4) {
  const pending = new Map<bigint, (result: JobResult) => void>();
  const started: bigint[] = [];
  const finished: bigint[] = [];
  const scheduler = new KeyScheduler(
    partitionLimit,
    new ProcessLimiter(100),
    (j) =>
      new Promise<JobResult>((resolve) => {
        started.push(j.offset);
        pending.set(j.offset, resolve);
      }),
    (j) => finished.push(j.offset),
  );
  const settle = async (offset: number, result: JobResult = { kind: 'finished' }) => {
    pending.get(BigInt(offset))!(result);
    await new Promise((r) => setImmediate(r));
  };
  return { scheduler, started, finished, settle };
}

describe('KeyScheduler', () => {
  it('runs one record per key at a time, in offset order', async () => {
    const { scheduler, started, finished, settle } = controlledScheduler();
    scheduler.enqueue('a', job(0));
    scheduler.enqueue('a', job(1));
    scheduler.enqueue('b', job(2));
    scheduler.pump();
    expect(started).toEqual([0n, 2n]);
    await settle(0);
    expect(started).toEqual([0n, 2n, 1n]);
    await settle(1);
    await settle(2);
    expect(finished).toEqual([0n, 1n, 2n]);
  });

  it('reports a record that finishes after close, and starts nothing more', async () => {
    const { scheduler, started, finished, settle } = controlledScheduler();
    scheduler.enqueue('a', job(0));
    scheduler.enqueue('a', job(1));
    scheduler.pump();
    let closed = false;
    const closing = scheduler.close().then(() => (closed = true));
    await new Promise((r) => setImmediate(r));
    expect(closed).toBe(false);
    await settle(0);
    await closing;
    expect(finished).toEqual([0n]);
    expect(started).toEqual([0n]);
  });

  it('does not report a record abandoned at close', async () => {
    const { scheduler, finished, settle } = controlledScheduler();
    scheduler.enqueue('a', job(0));
    scheduler.pump();
    const closing = scheduler.close();
    await settle(0, { kind: 'abandoned' });
    await closing;
    expect(finished).toEqual([]);
  });
});
