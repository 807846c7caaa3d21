import type { EventContext } from '@eventline/runtime';
import type { EventType } from '@eventline/contracts';

/**
 * The second argument of an @OnEvent handler: the runtime's per-record context (topic,
 * partition, offset as a string, key, headers, attempt, eventId), with `eventType` narrowed
 * to the handled type.
 */
export type OnEventContext<T extends EventType = EventType> = EventContext & { readonly eventType: T };
