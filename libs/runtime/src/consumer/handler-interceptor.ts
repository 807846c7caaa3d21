import type { Interceptor } from '../interceptors/interceptor';
import type { EventContext } from './event-route';

/**
 * What an interceptor around a handler attempt sees: the record's context (group, topic,
 * partition, offset as a string, key, headers, attempt, event type, `ce_id`) with the
 * decoded event and the route's name. The same object is the handler's context.
 */
export interface HandlerInvocation extends EventContext {
  readonly event: unknown;
  readonly route: string;
}

/** Around every handler attempt, on both the synchronous and the asynchronous path (see interceptors/interceptor.ts). */
export type HandlerInterceptor = Interceptor<HandlerInvocation>;
