import { defaultDeadLetterTopic, missingTopics, type KafkaClient } from '@eventline/runtime';
import { configProblems, EventlineConfigErrorCode } from '../errors/eventline-config.error';
import type { ConsumerGroupPlan } from '../routing/consumer-plan.builder';

/**
 * Every source and dead-letter topic of every group, checked in one request (the runtime's
 * preflight) before any consumer starts: group by group, a missing topic of the second group
 * would leave the first one running when the boot fails. Each problem names the handler.
 */
export async function assertTopicsExist(client: KafkaClient, plans: readonly ConsumerGroupPlan[]): Promise<void> {
  if (plans.length === 0) return;
  const groups = plans.map(({ groupId, routes }) => ({
    groupId,
    topics: [...new Set(routes.map((r) => r.topic))],
    deadLetterTopics: [...new Set(routes.flatMap((r) => (r.deadLetter === false ? [] : [r.deadLetter ?? defaultDeadLetterTopic(r.topic)])))],
  }));
  const admin = client.admin();
  await admin.connect();
  let missing: Awaited<ReturnType<typeof missingTopics>>;
  try {
    missing = await missingTopics(admin, groups);
  } finally {
    await admin.disconnect();
  }
  const absent = (groupId: string, topic: string, role: 'source' | 'dead-letter') => missing.some((m) => m.groupId === groupId && m.topic === topic && m.role === role);
  const problems: string[] = [];
  for (const { groupId, routes } of plans) {
    for (const route of routes) {
      if (absent(groupId, route.topic, 'source')) problems.push(`${route.name} (group ${groupId}): source topic ${route.topic} does not exist; create it`);
      const dlq = route.deadLetter === false ? undefined : (route.deadLetter ?? defaultDeadLetterTopic(route.topic));
      if (dlq && absent(groupId, dlq, 'dead-letter')) {
        problems.push(`${route.name} (group ${groupId}): dead-letter topic ${dlq} does not exist; create it, or set deadLetter: false on the handler or its group`);
      }
    }
  }
  if (problems.length > 0) throw configProblems(EventlineConfigErrorCode.TopicsMissing, 'Eventline cannot start, topics are missing', problems);
}
