import type { Type } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import type { EventPayload, EventType } from '@eventline/contracts';
import type { ProcessingMode, RetryPolicy } from '@eventline/runtime';
import type { EventlineHandlerInterceptor } from '../interceptors/eventline-interceptor';
import type { OnEventContext } from './event.context';

export interface OnEventOptions {
  /** Overrides the group's retry defaults field by field. */
  readonly retry?: Partial<RetryPolicy>;
  /** A dead-letter topic, false for none (an exhausted record then stops the consumer). Default: the group's. */
  readonly deadLetter?: string | false;
  /** The consumer group this handler runs in; default: the module's `consumer.groupId`. */
  readonly group?: string;
  /**
   * 'partition-order' (default): one record at a time per partition. 'key-order': different
   * keys of a partition concurrently, each key in order (all handlers of a topic in one group
   * must agree; the runtime refuses a mix at start).
   */
  readonly mode?: ProcessingMode;
  /** Interceptor providers around this handler, inside the consumer's own (`consumer.interceptors`); the first is outermost. */
  readonly interceptors?: ReadonlyArray<Type<EventlineHandlerInterceptor>>;
}

/** What @OnEvent records on a method; discovery reads it back at bootstrap. */
export interface OnEventMetadata extends OnEventOptions {
  readonly eventType: string;
}

/** Nest's discoverable decorator: attaches metadata under a key only this module knows. */
export const OnEventMetadataDecorator = DiscoveryService.createDecorator<OnEventMetadata>();

/** The shape a handler of `T` must accept: the decoded payload, then the record's context. */
export type OnEventHandler<T extends EventType> = (payload: EventPayload<T>, context: OnEventContext<T>) => unknown;

/**
 * Marks a provider method as the handler of one catalog event. It only attaches metadata:
 * EventHandlerExplorer finds it at bootstrap and the consumers are built from what it finds.
 * The event type is checked against the catalog, and the method against the payload type,
 * at compile time.
 */
export function OnEvent<T extends EventType>(eventType: T, options: OnEventOptions = {}) {
  const attach = OnEventMetadataDecorator({ ...options, eventType });
  return <H extends OnEventHandler<T>>(target: object, key: string | symbol, descriptor: TypedPropertyDescriptor<H>): void => {
    attach(target, key, descriptor);
  };
}
