import type { Type } from '@nestjs/common';
import type { ModuleRef } from '@nestjs/core';
import type { HandlerInterceptor, HandlerInvocation, PublishInterceptor, PublishInvocation } from '@eventline/runtime';
import { configProblems, EventlineConfigErrorCode } from '../errors/eventline-config.error';

/**
 * An interceptor around every attempt of an @OnEvent handler, as a Nest provider: it gets the
 * invocation (topic, partition, offset, key, headers, attempt, event type, ce_id, group, the
 * decoded event) and `next`; what it throws is the handler's failure. List the class in
 * `consumer.interceptors` (every handler) or `@OnEvent(type, { interceptors })` (one handler)
 * and in a module's `providers`, so it gets its own dependencies injected.
 */
export interface EventlineHandlerInterceptor {
  intercept(invocation: HandlerInvocation, next: () => void | Promise<void>): void | Promise<void>;
}

/** An interceptor around every publish of the app's EventlinePublisher (`publisher.interceptors`), from the call to Kafka's acknowledgement. */
export interface EventlinePublishInterceptor {
  intercept(invocation: PublishInvocation, next: () => void | Promise<void>): void | Promise<void>;
}

/**
 * The provider instances of the listed classes, as the runtime's interceptor functions, in
 * order. A class that no module provides is a boot error that names it.
 */
export function resolveInterceptors<I extends EventlineHandlerInterceptor | EventlinePublishInterceptor>(
  moduleRef: Pick<ModuleRef, 'get'>,
  classes: ReadonlyArray<Type<I>> | undefined,
  where: string,
): Array<I extends EventlineHandlerInterceptor ? HandlerInterceptor : PublishInterceptor> {
  const resolved: Array<(invocation: never, next: () => void | Promise<void>) => void | Promise<void>> = [];
  const problems: string[] = [];
  for (const type of classes ?? []) {
    let instance: I | undefined;
    try {
      instance = moduleRef.get(type, { strict: false });
    } catch {
      instance = undefined;
    }
    if (!instance || typeof instance.intercept !== 'function') {
      problems.push(`${where}: ${type?.name ?? String(type)} is not a provider with an intercept(invocation, next) method; add it to a module's providers`);
      continue;
    }
    const target = instance;
    resolved.push((invocation, next) => target.intercept(invocation as never, next));
  }
  if (problems.length > 0) throw configProblems(EventlineConfigErrorCode.OptionsInvalid, 'Eventline cannot start, an interceptor is not available', problems);
  return resolved as Array<I extends EventlineHandlerInterceptor ? HandlerInterceptor : PublishInterceptor>;
}

/**
 * The same, resolved at the first call instead of now: the publisher is built while the
 * module is being instantiated, before the app's own providers exist. Their presence is
 * checked at module init (EventConsumersHost), so a missing one still fails the boot.
 */
export function lazyPublishInterceptors(moduleRef: Pick<ModuleRef, 'get'>, classes: ReadonlyArray<Type<EventlinePublishInterceptor>> | undefined, where: string): PublishInterceptor[] {
  return (classes ?? []).map((type) => {
    let resolved: PublishInterceptor | undefined;
    return (invocation, next) => {
      resolved ??= resolveInterceptors(moduleRef, [type], where)[0];
      return resolved(invocation, next);
    };
  });
}
