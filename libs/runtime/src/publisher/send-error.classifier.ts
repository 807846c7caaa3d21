import { PublishError, PublishErrorCode } from './publish.error';

const PROGRAMMING_ERRORS = ['TypeError', 'RangeError', 'ReferenceError', 'SyntaxError'];

/**
 * What a failed `sendBatch` (or metadata lookup) means for the records in it. Only two
 * answers: the broker refused them for good (a protocol error Kafka itself marks
 * non-retriable: too large, not authorised, corrupt), or Kafka was not reachable — which
 * the publisher retries a bounded number of times.
 *
 * kafkajs's own `retriable` flag on the outer error is deliberately not trusted: after its
 * retries it wraps the last error in KafkaJSNumberOfRetriesExceeded / KafkaJSNonRetriableError,
 * and a connection refused by a dead leader surfaces that way although a new leader will
 * take the same records moments later. So the cause chain decides.
 */
export function classifySendError(error: unknown, topics: readonly string[] = []): PublishError {
  if (error instanceof PublishError) return error;
  const chain = causeChain(error);
  const refusal = chain.find((e) => e.name === 'KafkaJSProtocolError' && e.retriable === false);
  if (refusal) {
    // A missing ACL: say what to grant, and where (kafkajs's text names neither).
    const why =
      refusal.type === 'TOPIC_AUTHORIZATION_FAILED'
        ? `not authorized (TOPIC_AUTHORIZATION_FAILED): this principal needs WRITE and DESCRIBE on topic ${topics.join(', ') || '?'} (eventline acls plan --execute)`
        : refusal.type === 'CLUSTER_AUTHORIZATION_FAILED'
          ? 'not authorized (CLUSTER_AUTHORIZATION_FAILED): an idempotent producer needs IDEMPOTENT_WRITE on the cluster (eventline acls plan --execute)'
          : refusal.message;
    return new PublishError(PublishErrorCode.Rejected, `the broker refused the records: ${why}`, { cause: error });
  }
  if (chain.some((e) => PROGRAMMING_ERRORS.includes(e.name ?? ''))) {
    return new PublishError(PublishErrorCode.Rejected, `sending failed on a programming error: ${message(error)}`, { cause: error });
  }
  return new PublishError(PublishErrorCode.BrokerUnavailable, `Kafka did not take the records: ${message(error)}`, { cause: error });
}

/** Whether a metadata lookup failed because the topic does not exist. */
export function isUnknownTopic(error: unknown): boolean {
  return causeChain(error).some((e) => e.type === 'UNKNOWN_TOPIC_OR_PARTITION');
}

interface ErrorLike {
  readonly name?: string;
  readonly message?: string;
  readonly retriable?: boolean;
  readonly type?: string;
  readonly cause?: unknown;
  readonly originalError?: unknown;
}

function causeChain(error: unknown): ErrorLike[] {
  const chain: ErrorLike[] = [];
  let current: unknown = error;
  // Bounded: a cause cycle must not hang the publisher.
  while (typeof current === 'object' && current !== null && chain.length < 8 && !chain.includes(current as ErrorLike)) {
    const e = current as ErrorLike;
    chain.push(e);
    current = e.cause ?? e.originalError;
  }
  return chain;
}

function message(error: unknown): string {
  const chain = causeChain(error);
  const texts = [...new Set(chain.map((e) => e.message).filter((m): m is string => Boolean(m)))];
  return texts.length > 0 ? texts.join(' ← ') : String(error);
}
