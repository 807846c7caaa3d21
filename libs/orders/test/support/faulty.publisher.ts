import type { EventPayload, EventType } from '@eventline/contracts';
import { EventlinePublisher, type PublisherDependencies, type PublishOptions } from '@eventline/nest';
import { EventPublisher, PublishError, PublishErrorCode } from '@eventline/runtime';

/**
 * The runtime publisher behind a switch: while `failing(type, key)` says so, a publish is
 * refused the way an unreachable cluster refuses it (BrokerUnavailable) and nothing is sent.
 * Stands in for a broker outage, which the shared test broker cannot have.
 */
export class FaultyPublisher extends EventlinePublisher {
  failing: (type: EventType, key: string) => boolean = () => false;
  attempts = 0;
  refused = 0;
  private readonly inner: EventPublisher;

  constructor(dependencies: PublisherDependencies) {
    super();
    this.inner = new EventPublisher({
      client: dependencies.client,
      codec: dependencies.codec,
      source: dependencies.options?.source ?? '/test/faulty',
      topicOf: dependencies.topicOf,
      instrumentation: dependencies.instrumentation,
    });
  }

  async publish<T extends EventType>(type: T, payload: EventPayload<T>, options?: PublishOptions): Promise<void> {
    this.attempts++;
    if (this.failing(type, options?.key ?? '')) {
      this.refused++;
      throw new PublishError(PublishErrorCode.BrokerUnavailable, 'simulated outage: Kafka could not be reached');
    }
    await this.inner.publish(type, payload, options);
  }

  connect(): Promise<void> {
    return this.inner.connect();
  }

  flush(): Promise<void> {
    return this.inner.flush();
  }

  close(): Promise<void> {
    return this.inner.disconnect();
  }

  get connected(): boolean {
    return this.inner.connected;
  }
}
