import type { Topic } from '@eventline/contracts';
import type { TopicNames } from '../eventline-module.options';

/** The physical topic a catalog topic is read from and written to under `names`. */
export function physicalTopic(names: TopicNames | undefined, catalogTopic: Topic): string {
  if (!names) return catalogTopic;
  const mapped = typeof names === 'function' ? names(catalogTopic) : names[catalogTopic];
  return mapped ?? catalogTopic;
}

/** `topicNames` that prefix every catalog topic, e.g. `withTopicPrefix('test-123.')`. */
export function withTopicPrefix(prefix: string): (catalogTopic: Topic) => string {
  return (catalogTopic) => `${prefix}${catalogTopic}`;
}
