import { EventPublisher } from '@eventline/runtime';
import type { EventPayload, EventType } from '@eventline/contracts';
import { EventlinePublisher, type PublishOptions } from './eventline.publisher';
import type { PublisherDependencies } from './publisher.factory';

/** The default publisher of the module: the runtime's EventPublisher behind the Nest token. */
export class RuntimeEventlinePublisher extends EventlinePublisher {
  private readonly publisher: EventPublisher;

  constructor(dependencies: PublisherDependencies) {
    super();
    const options = dependencies.options;
    this.publisher = new EventPublisher({
      client: dependencies.client,
      codec: dependencies.codec,
      source: options?.source ?? '/eventline/app',
      topicOf: dependencies.topicOf,
      lingerMs: options?.lingerMs,
      instrumentation: dependencies.instrumentation,
      interceptors: dependencies.interceptors,
    });
  }

  async publish<T extends EventType>(type: T, payload: EventPayload<T>, options?: PublishOptions): Promise<void> {
    await this.publisher.publish(type, payload, options);
  }

  connect(): Promise<void> {
    return this.publisher.connect();
  }

  flush(): Promise<void> {
    return this.publisher.flush();
  }

  close(): Promise<void> {
    return this.publisher.disconnect();
  }

  get connected(): boolean {
    return this.publisher.connected;
  }
}
