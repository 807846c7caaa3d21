import type { Kafka } from 'kafkajs';
import { defaultDeadLetterTopic } from '@eventline/runtime';
import { configProblems, EventlineConfigErrorCode } from '../errors/eventline-config.error';
import type { ConsumerGroupPlan } from '../routing/consumer-plan.builder';

/**
 * Every source and dead-letter topic of every group, checked before any consumer starts.
 * The runtime checks its own group's topics in start() too, but group by group: a missing
 * topic of the second group would leave the first one running when the boot fails.
 */
export async function assertTopicsExist(kafka: Kafka, plans: readonly ConsumerGroupPlan[]): Promise<void> {
  if (plans.length === 0) return;
  const admin = kafka.admin();
  await admin.connect();
  let existing: Set<string>;
  try {
    existing = new Set(await admin.listTopics());
  } finally {
    await admin.disconnect();
  }
  const problems: string[] = [];
  for (const { groupId, routes } of plans) {
    for (const route of routes) {
      if (!existing.has(route.topic)) {
        problems.push(`${route.name} (group ${groupId}): source topic ${route.topic} does not exist; create it`);
      }
      const dlq = route.deadLetter === false ? undefined : (route.deadLetter ?? defaultDeadLetterTopic(route.topic));
      if (dlq && !existing.has(dlq)) {
        problems.push(`${route.name} (group ${groupId}): dead-letter topic ${dlq} does not exist; create it, or set deadLetter: false on the handler or its group`);
      }
    }
  }
  if (problems.length > 0) throw configProblems(EventlineConfigErrorCode.TopicsMissing, 'Eventline cannot start, topics are missing', problems);
}
