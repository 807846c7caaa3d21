import { ClusterSampler } from './cluster-sampler';
import type { ClusterSnapshot } from './cluster-snapshot';

function snapshotAt(at: number, dlqHigh: bigint, lag: bigint): ClusterSnapshot {
  return {
    at,
    topics: [
      { name: 'orders', partitions: [{ partition: 0, low: 0n, high: 100n }] },
      { name: 'orders.dlq', partitions: [{ partition: 0, low: 0n, high: dlqHigh }] },
    ],
    groups: [{ groupId: 'fulfillment', state: 'Stable', members: 1, lag: new Map([['orders:0', lag]]) }],
  };
}

describe('ClusterSampler', () => {
  it('answers a fresh snapshot without asking Kafka again, and a stale one by asking', async () => {
    let clock = 0;
    let taken = 0;
    const sampler = new ClusterSampler(async () => snapshotAt(clock, BigInt(++taken), 0n), { windowMs: 60_000, freshForMs: 2_000 }, () => clock);
    await sampler.snapshot();
    clock = 1_000;
    await sampler.snapshot();
    expect(taken).toBe(1);
    clock = 2_500;
    await sampler.snapshot();
    expect(taken).toBe(2);
  });

  it('shares one snapshot among concurrent requests', async () => {
    let taken = 0;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const sampler = new ClusterSampler(async () => {
      taken += 1;
      await gate;
      return snapshotAt(0, 1n, 0n);
    });
    const answers = [sampler.snapshot(), sampler.snapshot(), sampler.sample()];
    release();
    await Promise.all(answers);
    expect(taken).toBe(1);
  });

  it('keeps the dead-letter count and lag series of each snapshot, oldest first', async () => {
    let clock = 0;
    const counts = [5n, 7n, 9n];
    const sampler = new ClusterSampler(async () => snapshotAt(clock, counts[clock / 10_000], BigInt(clock / 1_000)), { windowMs: 60_000, freshForMs: 0 }, () => clock);
    for (clock = 0; clock <= 20_000; clock += 10_000) await sampler.sample();
    clock = 20_000;
    expect(sampler.deadLetterTrend('orders.dlq').map((s) => s.value)).toEqual([5n, 7n, 9n]);
    expect(sampler.deadLetterTrend('orders')).toEqual([]);
    expect(sampler.lagHistory('fulfillment').map((s) => s.value.get('orders:0'))).toEqual([0n, 10n, 20n]);
  });

  it('lets a failed snapshot fail its callers and the next request try again', async () => {
    let fail = true;
    const sampler = new ClusterSampler(async () => {
      if (fail) throw new Error('broker away');
      return snapshotAt(0, 1n, 0n);
    });
    await expect(sampler.snapshot()).rejects.toThrow('broker away');
    fail = false;
    await expect(sampler.snapshot()).resolves.toMatchObject({ at: 0 });
  });
});
