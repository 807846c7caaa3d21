import { HealthIndicatorService } from '@nestjs/terminus';
import type { EventType } from '@eventline/contracts';
import { RuntimeEvent, RuntimeInstrumentation, type EventConsumer } from '@eventline/runtime';
import { ConsumerStateTracker } from '../consumers/consumer-state.tracker';
import { EventlinePublisher } from '../publisher/eventline.publisher';
import { UnavailablePublisher } from '../publisher/unavailable.publisher';
import { EventlineHealthIndicator } from './eventline.health-indicator';

class StubPublisher extends EventlinePublisher {
  constructor(readonly connected: boolean) {
    super();
  }
  publish<T extends EventType>(_type: T): Promise<void> {
    return Promise.resolve();
  }
  connect = this.flush;
  close = this.flush;
  flush(): Promise<void> {
    return Promise.resolve();
  }
}

function indicator(publisher: EventlinePublisher, failure?: unknown) {
  const instrumentation = new RuntimeInstrumentation();
  const tracker = new ConsumerStateTracker(instrumentation);
  tracker.track({ groupId: 'billing', failure } as unknown as EventConsumer);
  instrumentation.emit(RuntimeEvent.GroupJoined, { groupId: 'billing', memberId: 'm', assignment: { orders: [1] } });
  return new EventlineHealthIndicator(new HealthIndicatorService(), tracker, publisher);
}

describe('EventlineHealthIndicator', () => {
  it.each([
    ['up: running, publisher connected', new StubPublisher(true), undefined, 'up', 'running', 'connected'],
    ['up: a consume-only app has no publisher', new UnavailablePublisher(), undefined, 'up', 'running', 'none'],
    ['down: the publisher lost its connection', new StubPublisher(false), undefined, 'down', 'running', 'disconnected'],
    ['down: the consumer stopped on its own failure', new StubPublisher(true), new Error('dlq unwritable'), 'down', 'crashed', 'connected'],
  ] as const)('%s', (_case, publisher, failure, status, state, publisherState) => {
    const result = indicator(publisher, failure).isHealthy('kafka');
    expect(result).toEqual({
      kafka: {
        status,
        consumers: [{ groupId: 'billing', state, assignment: { orders: [1] }, ...(failure ? { failure: 'dlq unwritable' } : {}) }],
        publisher: publisherState,
      },
    });
  });
});
