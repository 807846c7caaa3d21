import type { EventPayload, EventType } from '@eventline/contracts';
import { EventlinePublisher, type PublisherDependencies, type PublishOptions } from '@eventline/nest';
import { EventPublisher, PublishError, PublishErrorCode, type PublishInterceptor } from '@eventline/runtime';

/**
 * The runtime publisher behind a switch: while `failing(type, key)` says so, a publish is
 * refused the way an unreachable cluster refuses it (BrokerUnavailable) and nothing is sent.
 * Stands in for a broker outage, which the shared test broker cannot have. The module's
 * interceptors run around every publish that goes out, then `extraInterceptors`.
 */
export class FaultyPublisher extends EventlinePublisher {
  failing: (type: EventType, key: string) => boolean = () => false;
  attempts = 0;
  refused = 0;
  private readonly inner: EventPublisher;

  constructor(dependencies: PublisherDependencies, extraInterceptors: readonly PublishInterceptor[] = []) {
    super();
    this.inner = new EventPublisher({
      client: dependencies.client,
      codec: dependencies.codec,
      source: dependencies.options?.source ?? '/test/faulty',
      topicOf: dependencies.topicOf,
      instrumentation: dependencies.instrumentation,
      interceptors: [...dependencies.interceptors, ...extraInterceptors],
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
