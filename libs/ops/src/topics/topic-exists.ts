import type { Admin } from 'kafkajs';
import { didYouMean } from '../errors/did-you-mean';
import { OpsError, OpsErrorCode } from '../errors/ops.error';

/**
 * Refuses an unknown topic up front: kafkajs would otherwise retry metadata for it, then fail
 * vaguely. `role` says what the topic is for ("source topic"); when it is a parameter's name
 * (`toTopic`), pass it as `field` too, so a front end can name its own control instead.
 */
export async function assertTopicExists(admin: Admin, topic: string, role = 'topic', field?: string): Promise<void> {
  const topics = await admin.listTopics();
  if (!topics.includes(topic)) {
    throw new OpsError(OpsErrorCode.UnknownTopic, `${role} ${topic} does not exist${didYouMean(topic, topics)}`, {
      detail: { topic, ...(field !== undefined ? { fields: [field] } : {}) },
    });
  }
}
