import type { OnEventMetadata } from '../decorators/on-event.decorator';

/** One @OnEvent method found on a provider instance. */
export interface DiscoveredHandler {
  readonly metadata: OnEventMetadata;
  /** `ClassName.method`, for messages that must say which handler to change. */
  readonly name: string;
  /** The method bound to its instance. */
  readonly invoke: (payload: unknown, context: unknown) => unknown;
}
