import { RuntimeEvent, RuntimeInstrumentation } from '../instrumentation/runtime-events';
import { OffsetTracker } from '../offsets/offset-tracker';
import { Assignment } from './assignment';
import { PartitionStatus } from './partition-state';

function assignment() {
  const tracker = new OffsetTracker();
  const instrumentation = new RuntimeInstrumentation();
  return { tracker, instrumentation, partitions: new Assignment('group', tracker, instrumentation) };
}

describe('PartitionState transitions', () => {
  afterEach(() => jest.useRealTimers());

  it('owned → draining at a revoke → owned again with the next generation when reassigned', () => {
    const { partitions } = assignment();
    partitions.assign({ orders: [0] });
    const state = partitions.get('orders', 0)!;
    const first = state.generation;
    expect(state.owns()).toBe(true);

    partitions.revokeAll();
    expect(state.status).toBe(PartitionStatus.Draining);
    expect(state.owns(first)).toBe(false);
    expect(state.mayFinish(first)).toBe(true);

    partitions.assign({ orders: [0] });
    expect(partitions.get('orders', 0)).toBe(state);
    expect(state.generation).toBeGreaterThan(first);
    expect(state.owns()).toBe(true);
    // A record of the earlier generation neither starts nor is recorded any more.
    expect(state.owns(first)).toBe(false);
    expect(state.mayFinish(first)).toBe(false);
  });

  it('goes when the next assignment leaves it out, and is forgotten', () => {
    const { partitions } = assignment();
    partitions.assign({ orders: [0, 1] });
    const state = partitions.get('orders', 0)!;
    partitions.revokeAll();
    partitions.assign({ orders: [1] });
    expect(state.status).toBe(PartitionStatus.Gone);
    expect(state.mayFinish()).toBe(false);
    expect(partitions.get('orders', 0)).toBeUndefined();
  });

  it('keeps the record it retries across a reassignment, drops its strategy state, and takes a fresh commit position', () => {
    const { partitions, tracker } = assignment();
    partitions.assign({ orders: [0] });
    const state = partitions.get('orders', 0)!;
    state.retryLater('41', 3);
    state.strategyState = { window: 'key order' };
    state.offsets.markFinished('40');
    partitions.revokeAll();
    tracker.clear();
    partitions.assign({ orders: [0] });

    expect(state.failing).toEqual({ offset: '41', attempt: 3 });
    expect(state.attemptAt('41')).toBe(3);
    expect(state.attemptAt('42')).toBe(1);
    expect(state.strategyState).toBeUndefined();
    expect(state.offsets.next).toBeUndefined();
    expect(tracker.partition('orders', 0)).toBe(state.offsets);

    state.retried();
    expect(state.failing).toBeUndefined();
  });

  it('pauses for a backoff and resumes once it elapsed, and never after the consumer cancelled it', () => {
    jest.useFakeTimers();
    const { partitions, instrumentation } = assignment();
    const events: string[] = [];
    instrumentation.on(RuntimeEvent.PartitionPaused, () => events.push('paused'));
    instrumentation.on(RuntimeEvent.PartitionResumed, () => events.push('resumed'));
    partitions.assign({ orders: [0, 1] });
    let resumed = 0;
    const pause = () => () => void resumed++;

    partitions.get('orders', 0)!.pauseFor(100, pause, 'retry');
    jest.advanceTimersByTime(100);
    expect(resumed).toBe(1);

    partitions.get('orders', 1)!.pauseFor(100, pause, 'retry');
    partitions.cancelBackoffs();
    jest.advanceTimersByTime(1_000);
    expect(resumed).toBe(1);
    expect(events).toEqual(['paused', 'resumed', 'paused']);
  });
});
