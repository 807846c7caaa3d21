import type { ConsumerGroupSettings, ConsumerOptions } from '../eventline-module.options';

/** The group a handler runs in. */
export function groupOf(consumer: ConsumerOptions, handlerGroup: string | undefined): string {
  return handlerGroup ?? consumer.groupId;
}

/** A group's settings: the module-wide consumer settings, then that group's overrides. */
export function groupSettings(consumer: ConsumerOptions, groupId: string): ConsumerGroupSettings {
  const { groups, groupId: _default, ...shared } = consumer;
  const own = groups?.[groupId] ?? {};
  return { ...shared, ...own, retry: { ...shared.retry, ...own.retry } };
}
