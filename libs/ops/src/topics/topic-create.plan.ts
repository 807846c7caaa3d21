import { badArgument } from '../errors/ops.error';

/** What a topic creation will ask Kafka for; shown as the dry run, then executed as is. */
export interface TopicCreatePlan {
  readonly topic: string;
  readonly partitions: number;
  /** -1: the brokers' default.replication.factor. */
  readonly replicationFactor: number;
  readonly configs: Readonly<Record<string, string>>;
  /** The topic the partition count and configs were copied from, if any. */
  readonly like?: string;
}

/** Kafka's own rule (Topic.validate): legal characters, at most 249, not "." or "..". */
const TOPIC_NAME = /^[a-zA-Z0-9._-]{1,249}$/;

export interface TopicCreateRequest {
  readonly partitions?: number;
  readonly replicationFactor?: number;
  /** `name=value` topic configs; they win over the template's. */
  readonly config?: readonly string[];
}

export interface TopicTemplate {
  readonly partitions: number;
  /** Configs set on the template topic itself (not broker defaults). */
  readonly configs: Readonly<Record<string, string>>;
}

/**
 * Partitions: `partitions`, else the template's, else 1. Configs: the template's, with
 * every `config` k=v on top. Bad names and values are refused before Kafka is asked.
 */
export function planTopicCreate(
  topic: string,
  request: TopicCreateRequest,
  template?: TopicTemplate & { readonly name: string },
): TopicCreatePlan {
  if (!TOPIC_NAME.test(topic) || topic === '.' || topic === '..') {
    throw badArgument(`"${topic}" is not a Kafka topic name: use up to 249 of [a-zA-Z0-9._-]`);
  }
  const configs: Record<string, string> = { ...(template?.configs ?? {}) };
  for (const entry of request.config ?? []) {
    const eq = entry.indexOf('=');
    if (eq <= 0) throw badArgument(`config ${entry}: expected name=value, e.g. retention.ms=86400000`, 'config');
    configs[entry.slice(0, eq).trim()] = entry.slice(eq + 1).trim();
  }
  return {
    topic,
    partitions: request.partitions ?? template?.partitions ?? 1,
    replicationFactor: request.replicationFactor ?? -1,
    configs,
    ...(template ? { like: template.name } : {}),
  };
}
