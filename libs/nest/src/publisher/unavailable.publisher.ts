import type { EventType } from '@eventline/contracts';
import { EventlineConfigError, EventlineConfigErrorCode } from '../errors/eventline-config.error';
import { EventlinePublisher } from './eventline.publisher';

/**
 * Stands in while no publisher is configured: the runtime's EventPublisher is not exported
 * yet (libs/runtime/src/publisher is in progress), so an app that publishes must pass
 * `publisher.factory`. Failing each publish loudly beats dropping events silently; apps
 * that only consume are unaffected.
 */
export class UnavailablePublisher extends EventlinePublisher {
  readonly connected = false;

  publish<T extends EventType>(type: T): Promise<void> {
    return Promise.reject(
      new EventlineConfigError(
        EventlineConfigErrorCode.PublisherMissing,
        `cannot publish ${type}: no publisher is configured; pass publisher.factory in EventlineModule options`,
      ),
    );
  }

  // Nothing to connect, flush or close: no record is ever accepted.
  connect(): Promise<void> {
    return Promise.resolve();
  }

  flush(): Promise<void> {
    return Promise.resolve();
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}
