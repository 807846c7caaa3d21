import type { EventType } from '@eventline/contracts';
import { EventlineConfigError, EventlineConfigErrorCode } from '../errors/eventline-config.error';
import { EventlinePublisher } from './eventline.publisher';

/**
 * Stands in when the module has no `publisher` section (a consume-only app). Failing each
 * publish loudly beats dropping events silently.
 */
export class UnavailablePublisher extends EventlinePublisher {
  readonly connected = false;

  publish<T extends EventType>(type: T): Promise<void> {
    return Promise.reject(
      new EventlineConfigError(
        EventlineConfigErrorCode.PublisherMissing,
        `cannot publish ${type}: no publisher is configured; add a publisher section (at least its source) to the EventlineModule options`,
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
