import type { ApplicationDeclarationOptions } from '@eventline/contracts';
import { badArgument } from '../common/cli.error';

export interface AclNameFlags {
  readonly prefix?: string;
}

// Topic names are letters, digits, '.', '_' and '-' (Kafka's Topic.validate); so is a prefix.
const TOPIC_CHARS = /^[a-zA-Z0-9._-]*$/;

function fromEnv(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

/**
 * The names the plan uses, read from the same variables the apps read (so running the plan
 * in an app's environment plans for that app's topics and group): `--prefix` over
 * EVENTLINE_TOPIC_PREFIX, and FULFILLMENT_GROUP_ID, NOTIFICATIONS_GROUP_ID,
 * SCHEMA_REGISTRY_TOPIC as the apps take them (unset or empty: the default).
 */
export function aclDeclarationOptions(flags: AclNameFlags, env: NodeJS.ProcessEnv = process.env): ApplicationDeclarationOptions {
  const topicPrefix = flags.prefix ?? fromEnv(env, 'EVENTLINE_TOPIC_PREFIX') ?? '';
  if (!TOPIC_CHARS.test(topicPrefix)) {
    const source = flags.prefix !== undefined ? '--prefix' : 'EVENTLINE_TOPIC_PREFIX';
    throw badArgument(`${source} "${topicPrefix}" cannot start a topic name: use letters, digits, '.', '_' and '-'`);
  }
  return {
    topicPrefix,
    groupIds: { fulfillmentWorker: fromEnv(env, 'FULFILLMENT_GROUP_ID'), notificationsWorker: fromEnv(env, 'NOTIFICATIONS_GROUP_ID') },
    schemasTopic: fromEnv(env, 'SCHEMA_REGISTRY_TOPIC'),
  };
}
