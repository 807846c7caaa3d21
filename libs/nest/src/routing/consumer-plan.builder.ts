import { EventCatalog, type EventType } from '@eventline/contracts';
import type { EventRoute, HandlerInterceptor } from '@eventline/runtime';
import type { DiscoveredHandler } from '../discovery/discovered-handler';
import type { ConsumerGroupSettings, ConsumerOptions, TopicNames } from '../eventline-module.options';
import { groupOf, groupSettings } from './group-settings';
import { physicalTopic } from './topic-names';

/** One consumer group to run: its settings and the routes built from its handlers. */
export interface ConsumerGroupPlan {
  readonly groupId: string;
  readonly settings: ConsumerGroupSettings;
  readonly routes: ReadonlyArray<EventRoute<never>>;
}

/**
 * Turns validated handlers into the runtime's routes, one group at a time. The topic comes
 * from the catalog (through `topicNames`); retry and dead-letter are the handler's own,
 * else its group's, else the runtime's defaults.
 */
export function buildConsumerPlan(
  handlers: readonly DiscoveredHandler[],
  consumer: ConsumerOptions,
  topicNames?: TopicNames,
  interceptorsOf: (handler: DiscoveredHandler) => readonly HandlerInterceptor[] = () => [],
): ConsumerGroupPlan[] {
  const byGroup = new Map<string, Array<EventRoute<never>>>();
  for (const handler of handlers) {
    const { eventType, group, retry, deadLetter, mode } = handler.metadata;
    const interceptors = interceptorsOf(handler);
    const groupId = groupOf(consumer, group);
    const settings = groupSettings(consumer, groupId);
    const route: EventRoute<never> = {
      topic: physicalTopic(topicNames, EventCatalog[eventType as EventType].topic),
      eventType,
      name: handler.name,
      handler: (payload, context) => handler.invoke(payload, context) as Promise<void> | void,
      retry: { ...settings.retry, ...retry },
      deadLetter: deadLetter ?? settings.deadLetter,
      ...(mode ? { mode } : {}),
      ...(interceptors.length > 0 ? { interceptors } : {}),
    };
    let routes = byGroup.get(groupId);
    if (!routes) byGroup.set(groupId, (routes = []));
    routes.push(route);
  }
  return [...byGroup].map(([groupId, routes]) => ({ groupId, settings: groupSettings(consumer, groupId), routes }));
}
