import { configError } from '../errors/runtime.error';
import { defaultDeadLetterTopic } from '../dead-letter/dead-letter-headers';
import { retryPolicy, type RetryPolicy } from '../retry/retry-policy';
import { checkInterceptors, composeInterceptors } from '../interceptors/interceptor';
import { ANY_EVENT_TYPE, ProcessingMode, type EventRoute } from './event-route';
import type { HandlerInterceptor, HandlerInvocation } from './handler-interceptor';

/** A route with every default filled in and validated. */
export interface ResolvedRoute {
  readonly name: string;
  readonly topic: string;
  readonly eventType: string;
  readonly handler: EventRoute['handler'];
  /** The handler inside the consumer's and the route's interceptors; unset when there are none. */
  readonly intercepted: ((invocation: HandlerInvocation) => unknown) | undefined;
  readonly retry: RetryPolicy;
  readonly deadLetterTopic?: string;
  readonly mode: ProcessingMode;
}

/**
 * The routes of one consumer group, indexed by topic and event type. Built once at start;
 * every inconsistency is a configuration error naming what to change.
 */
export class RouteTable {
  private readonly byTopic = new Map<string, Map<string, ResolvedRoute>>();

  constructor(routes: readonly EventRoute<never>[], interceptors: readonly HandlerInterceptor[] = []) {
    if (routes.length === 0) throw configError('a consumer needs at least one route');
    for (const route of routes) {
      const name = route.name ?? `${route.topic}/${route.eventType}`;
      if (!route.topic) throw configError(`route ${name}: topic is empty`);
      if (!route.eventType) throw configError(`route ${name}: eventType is empty (use "${ANY_EVENT_TYPE}" for every record)`);
      if (typeof route.handler !== 'function') throw configError(`route ${name}: handler is not a function`);
      const mode = route.mode ?? ProcessingMode.PartitionOrder;
      if (!Object.values(ProcessingMode).includes(mode)) {
        throw configError(`route ${name}: mode "${mode}" is not one of ${Object.values(ProcessingMode).join(', ')}`);
      }
      const handler = route.handler as ResolvedRoute['handler'];
      const around = [...interceptors, ...(checkInterceptors(`route ${name}: interceptors`, route.interceptors) as readonly HandlerInterceptor[])];
      const resolved: ResolvedRoute = {
        name,
        topic: route.topic,
        eventType: route.eventType,
        handler,
        // Always present (undefined without interceptors): every route has one shape, so the
        // executor's per-record read of it stays monomorphic.
        intercepted: around.length > 0 ? composeInterceptors<HandlerInvocation>(around, (invocation) => handler(invocation.event, invocation)) : undefined,
        retry: retryPolicy(route.retry, `route ${name}: retry`),
        deadLetterTopic: route.deadLetter === false ? undefined : (route.deadLetter ?? defaultDeadLetterTopic(route.topic)),
        mode,
      };
      let types = this.byTopic.get(route.topic);
      if (!types) this.byTopic.set(route.topic, (types = new Map()));
      if (types.has(route.eventType)) {
        throw configError(`two handlers for ${route.eventType} on topic ${route.topic} in one group (${types.get(route.eventType)!.name} and ${name}); keep one`);
      }
      const other = [...types.values()][0];
      if (other && other.mode !== mode) {
        throw configError(`topic ${route.topic} has routes in modes ${other.mode} (${other.name}) and ${mode} (${name}); a topic is processed in one mode`);
      }
      types.set(route.eventType, resolved);
    }
  }

  get topics(): string[] {
    return [...this.byTopic.keys()];
  }

  get deadLetterTopics(): string[] {
    const all = new Set<string>();
    for (const types of this.byTopic.values()) for (const r of types.values()) if (r.deadLetterTopic) all.add(r.deadLetterTopic);
    return [...all];
  }

  /** The route for a record of this type, or undefined when this group does not handle it. */
  find(topic: string, eventType: string): ResolvedRoute | undefined {
    const types = this.byTopic.get(topic);
    return types?.get(eventType) ?? types?.get(ANY_EVENT_TYPE);
  }

  /**
   * Where a record goes that failed before a route was known (poison headers or body): the
   * topic's dead-letter topic, taken from its first route.
   */
  fallback(topic: string): ResolvedRoute {
    const types = this.byTopic.get(topic);
    if (!types) throw new Error(`no routes for topic ${topic}`);
    return [...types.values()][0];
  }

  modeOf(topic: string): ProcessingMode {
    return this.fallback(topic).mode;
  }
}
