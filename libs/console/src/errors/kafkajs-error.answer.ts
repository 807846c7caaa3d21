import type { ApiError } from '../api/console-api.types';

/**
 * What a raw kafkajs error that reached the filter means for the API caller. The ops library
 * and the feature modules translate most of them; this catches the rest, so a denied ACL or
 * Kafka away is said as such rather than as an internal error.
 */
export function kafkaJsErrorAnswer(error: unknown): { status: number; error: ApiError } | undefined {
  if (!(error instanceof Error) || !error.name.startsWith('KafkaJS')) return undefined;
  const type = (error as Error & { type?: unknown }).type;
  if (typeof type === 'string' && type.endsWith('_AUTHORIZATION_FAILED')) {
    return {
      status: 502,
      error: { code: 'NOT_AUTHORIZED', message: `Kafka refused the console (${type}): grant the console's principal the ACL (see "eventline acls plan")` },
    };
  }
  if (type === 'UNKNOWN_TOPIC_OR_PARTITION') return { status: 404, error: { code: 'UNKNOWN_TOPIC', message: 'the topic or partition does not exist' } };
  const unreachable = ['KafkaJSConnectionError', 'KafkaJSNumberOfRetriesExceeded', 'KafkaJSRequestTimeoutError', 'KafkaJSConnectionClosedError', 'KafkaJSBrokerNotFound'];
  if (unreachable.includes(error.name)) return { status: 503, error: { code: 'KAFKA_UNAVAILABLE', message: `Kafka is not reachable (${error.message})` } };
  return undefined;
}
