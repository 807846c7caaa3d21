import { EventCatalog, isEventType } from '@eventline/contracts';
import { DEFAULT_RETRY_POLICY, RuntimeError, retryPolicy } from '@eventline/runtime';
import type { DiscoveredHandler } from '../discovery/discovered-handler';
import type { ConsumerOptions, TopicNames } from '../eventline-module.options';
import { configProblems, EventlineConfigErrorCode } from '../errors/eventline-config.error';
import { groupOf, groupSettings } from '../routing/group-settings';
import { physicalTopic } from '../routing/topic-names';

const RETRY_FIELDS = Object.keys(DEFAULT_RETRY_POLICY);

/**
 * Boot check of every discovered handler against the catalog and the module options. All
 * problems are collected into one error so a developer fixes them in one round, and each
 * names the handler (`Class.method`) and what to change.
 */
export function validateHandlers(handlers: readonly DiscoveredHandler[], consumer: ConsumerOptions | undefined, topicNames?: TopicNames): void {
  if (handlers.length === 0) return;
  if (!consumer?.groupId) {
    throw configProblems(EventlineConfigErrorCode.HandlersInvalid, 'Eventline cannot start', [
      `@OnEvent handlers exist (${handlers.map((h) => h.name).join(', ')}) but EventlineModule has no consumer.groupId; set consumer: { groupId: '<service name>' }`,
    ]);
  }
  const problems: string[] = [];
  const owners = new Map<string, string>();
  for (const handler of handlers) {
    const { eventType, group, deadLetter, retry } = handler.metadata;
    const where = `${handler.name} (@OnEvent('${eventType}'))`;
    if (!isEventType(eventType)) {
      problems.push(`${where}: no event of that type in the catalog; use one of ${Object.keys(EventCatalog).join(', ')}`);
      continue;
    }
    if (group !== undefined && (typeof group !== 'string' || group.trim() === '')) {
      problems.push(`${where}: group must be a non-empty consumer group id, or left out for ${consumer.groupId}`);
      continue;
    }
    const groupId = groupOf(consumer, group);
    const settings = groupSettings(consumer, groupId);
    problems.push(...retryProblems(where, retry, settings.retry));
    const topic = physicalTopic(topicNames, EventCatalog[eventType].topic);
    problems.push(...deadLetterProblems(where, deadLetter ?? settings.deadLetter, topic));

    const key = `${groupId}\u0000${eventType}`;
    const owner = owners.get(key);
    if (owner) {
      problems.push(`${eventType} has two handlers in group ${groupId} (${owner} and ${handler.name}); keep one, or give one of them another group: @OnEvent('${eventType}', { group: '…' })`);
    } else {
      owners.set(key, handler.name);
    }
  }
  if (problems.length > 0) throw configProblems(EventlineConfigErrorCode.HandlersInvalid, 'Eventline cannot start', problems);
}

function retryProblems(where: string, own: unknown, defaults: object | undefined): string[] {
  if (own !== undefined && (typeof own !== 'object' || own === null || Array.isArray(own))) {
    return [`${where}: retry must be an object such as { maxAttempts: 3 }`];
  }
  const unknown = Object.keys(own ?? {}).filter((field) => !RETRY_FIELDS.includes(field));
  if (unknown.length > 0) {
    return [`${where}: retry.${unknown.join(', retry.')} is not a retry option; use ${RETRY_FIELDS.join(', ')}`];
  }
  try {
    // The runtime's own rules, so the boot check and the consumer can never disagree.
    retryPolicy({ ...defaults, ...(own as object) }, `${where}: retry`);
    return [];
  } catch (error) {
    if (error instanceof RuntimeError) return [error.message];
    throw error;
  }
}

function deadLetterProblems(where: string, deadLetter: unknown, topic: string): string[] {
  if (deadLetter === undefined || deadLetter === false) return [];
  if (typeof deadLetter !== 'string' || deadLetter.trim() === '') {
    return [`${where}: deadLetter must be a topic name, or false for none (got ${JSON.stringify(deadLetter)})`];
  }
  if (deadLetter === topic) {
    return [`${where}: deadLetter is the source topic ${topic} itself, so a failed record would come back forever; use ${topic}.dlq`];
  }
  return [];
}
