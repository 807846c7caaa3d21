import { configError } from '../errors/runtime.error';
import type { AdminPort } from '../kafka/kafka-client.port';

/** What one consumer group reads and where its dead letters go. */
export interface GroupTopics {
  readonly groupId: string;
  readonly topics: readonly string[];
  readonly deadLetterTopics: readonly string[];
}

/** A topic a group needs that the cluster does not show this principal. */
export interface MissingTopic {
  readonly groupId: string;
  readonly topic: string;
  readonly role: 'source' | 'dead-letter';
}

/** Every source and dead-letter topic of the groups that does not exist (or may not be described), in one request. */
export async function missingTopics(admin: Pick<AdminPort, 'listTopics'>, groups: readonly GroupTopics[]): Promise<MissingTopic[]> {
  if (groups.length === 0) return [];
  const existing = new Set(await admin.listTopics());
  const missing: MissingTopic[] = [];
  for (const { groupId, topics, deadLetterTopics } of groups) {
    for (const topic of topics) if (!existing.has(topic)) missing.push({ groupId, topic, role: 'source' });
    for (const topic of deadLetterTopics) if (!existing.has(topic)) missing.push({ groupId, topic, role: 'dead-letter' });
  }
  return missing;
}

/**
 * Checks, in one metadata request, that every source and dead-letter topic of every group
 * exists, and names each one missing with its group. Several groups of one app are checked
 * together, so a missing topic of the second group fails the start before the first one
 * joins. On a cluster with ACLs, metadata hides the topics a principal may not DESCRIBE, so
 * "missing" says that too.
 */
export async function assertTopicsExist(admin: Pick<AdminPort, 'listTopics'>, groups: readonly GroupTopics[]): Promise<void> {
  const absent = await missingTopics(admin, groups);
  const problems: string[] = [];
  for (const { groupId } of groups) {
    const missing = absent.filter((m) => m.groupId === groupId && m.role === 'source').map((m) => m.topic);
    const missingDlq = absent.filter((m) => m.groupId === groupId && m.role === 'dead-letter').map((m) => m.topic);
    if (missing.length === 0 && missingDlq.length === 0) continue;
    const parts = [missing.length ? `source topic(s) ${missing.join(', ')}` : '', missingDlq.length ? `dead-letter topic(s) ${missingDlq.join(', ')}` : ''].filter(Boolean);
    problems.push(`group ${groupId}: ${parts.join(' and ')} do not exist, or this principal may not DESCRIBE them`);
  }
  if (problems.length > 0) {
    throw configError(
      `${problems.join('; ')}. Create them (declared topics are created at start by the apps), grant the ACLs (eventline acls plan --execute), or set deadLetter: false on the route to go without one.`,
    );
  }
}
