import { OffsetTracker, commitPolicy } from './offset-tracker';

describe('OffsetTracker (the commit rule)', () => {
  it('commits the offset after the last finished record of each partition', () => {
    const tracker = new OffsetTracker();
    tracker.partition('t', 0).markFinished('0');
    tracker.partition('t', 0).markFinished('1');
    tracker.partition('t', 3).markFinished('41');
    expect(tracker.uncommitted()).toEqual([
      { topic: 't', partition: 0, offset: '2' },
      { topic: 't', partition: 3, offset: '42' },
    ]);
  });

  it('keeps offsets above 2^53 exact', () => {
    const tracker = new OffsetTracker();
    tracker.partition('t', 0).markFinished('9007199254740993');
    expect(tracker.uncommitted()[0].offset).toBe('9007199254740994');
  });

  it('refuses a finished offset that goes backwards or repeats', () => {
    const tracker = new OffsetTracker();
    tracker.partition('t', 0).markFinished('5');
    expect(() => tracker.partition('t', 0).markFinished('5')).toThrow(/out of order/);
    expect(() => tracker.partition('t', 0).markFinished('4')).toThrow(/out of order/);
  });

  it('has nothing to commit once a commit was acknowledged, until a record finishes again', () => {
    const tracker = new OffsetTracker();
    tracker.partition('t', 0).markFinished('0');
    tracker.acknowledge(tracker.uncommitted());
    expect(tracker.uncommitted()).toEqual([]);
    expect(tracker.isDue()).toBe(false);
    tracker.partition('t', 0).markFinished('1');
    expect(tracker.uncommitted()).toEqual([{ topic: 't', partition: 0, offset: '2' }]);
  });

  it('is due by count and by age', () => {
    let now = 1_000;
    const tracker = new OffsetTracker(commitPolicy({ maxUncommittedRecords: 3, maxUncommittedMs: 500 }), () => now);
    tracker.partition('t', 0).markFinished('0');
    tracker.partition('t', 0).markFinished('1');
    expect(tracker.isDue()).toBe(false);
    tracker.partition('t', 0).markFinished('2');
    expect(tracker.isDue()).toBe(true);
    tracker.acknowledge(tracker.uncommitted());
    tracker.partition('t', 0).markFinished('3');
    now += 499;
    expect(tracker.isDue()).toBe(false);
    now += 1;
    expect(tracker.isDue()).toBe(true);
  });

  it('forgets every partition at a new assignment, so nothing is committed for a revoked one', () => {
    const tracker = new OffsetTracker();
    tracker.partition('t', 0).markFinished('7');
    tracker.partition('t', 1).markFinished('8');
    // The next assignment keeps partition 1 only; the client reads it again from its commit.
    tracker.clear();
    tracker.partition('t', 1).markFinished('9');
    expect(tracker.uncommitted()).toEqual([{ topic: 't', partition: 1, offset: '10' }]);
  });

  it.each([
    [{ maxUncommittedRecords: 0 }, /maxUncommittedRecords/],
    [{ maxUncommittedRecords: 1.5 }, /maxUncommittedRecords/],
    [{ maxUncommittedMs: -1 }, /maxUncommittedMs/],
  ])('rejects the commit policy %p', (overrides, message) => {
    expect(() => commitPolicy(overrides)).toThrow(message);
  });
});
