import { RuntimeEvent, RuntimeInstrumentation, type EventConsumer } from '@eventline/runtime';
import { ConsumerState } from './consumer-state';
import { ConsumerStateTracker } from './consumer-state.tracker';

const fakeConsumer = (groupId: string, failure?: unknown) => ({ groupId, failure }) as unknown as EventConsumer;

describe('ConsumerStateTracker', () => {
  const instrumentation = new RuntimeInstrumentation();
  const tracker = new ConsumerStateTracker(instrumentation);
  afterAll(() => tracker.onApplicationShutdown());

  it('follows a member from start through rebalance to a clean stop', () => {
    tracker.track(fakeConsumer('g1'));
    expect(tracker.statuses()).toEqual([{ groupId: 'g1', state: ConsumerState.Starting, assignment: {} }]);

    instrumentation.emit(RuntimeEvent.GroupJoined, { groupId: 'g1', memberId: 'm', assignment: { orders: [2, 0] } });
    expect(tracker.statuses()).toEqual([{ groupId: 'g1', state: ConsumerState.Running, assignment: { orders: [0, 2] } }]);

    instrumentation.emit(RuntimeEvent.Rebalance, { groupId: 'g1', memberId: 'm' });
    expect(tracker.statuses()[0].assignment).toEqual({});

    instrumentation.emit(RuntimeEvent.ConsumerStopping, { groupId: 'g1', reason: 'shutdown' });
    expect(tracker.statuses()[0].state).toBe(ConsumerState.Stopping);
    instrumentation.emit(RuntimeEvent.ConsumerStopped, { groupId: 'g1' });
    expect(tracker.statuses()[0].state).toBe(ConsumerState.Stopped);
  });

  it('calls a member that stopped on its own failure crashed, with the reason', () => {
    tracker.track(fakeConsumer('g2', new Error('dead-letter topic unwritable')));
    instrumentation.emit(RuntimeEvent.ConsumerStopped, { groupId: 'g2' });
    expect(tracker.statuses().find((s) => s.groupId === 'g2')).toEqual({
      groupId: 'g2',
      state: ConsumerState.Crashed,
      assignment: {},
      failure: 'dead-letter topic unwritable',
    });
  });

  it.each([
    [true, ConsumerState.Running],
    [false, ConsumerState.Crashed],
  ])('a kafkajs crash with restart=%p leaves the member %s', (restart, state) => {
    const groupId = `g-restart-${restart}`;
    tracker.track(fakeConsumer(groupId));
    instrumentation.emit(RuntimeEvent.GroupJoined, { groupId, memberId: 'm', assignment: {} });
    instrumentation.emit(RuntimeEvent.ConsumerCrashed, { groupId, error: 'broker gone', restart });
    expect(tracker.statuses().find((s) => s.groupId === groupId)?.state).toBe(state);
  });
});
