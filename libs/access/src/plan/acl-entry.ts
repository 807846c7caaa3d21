/**
 * Kafka's ACL vocabulary as plain strings, so a plan is data: printable, comparable, and
 * later turned into Strimzi KafkaUser manifests without a Kafka client in sight. The kafkajs
 * enums appear only in `kafka/kafkajs-acl.mapping.ts`.
 *
 * The sets are Kafka's full ones (not only what a plan grants) because ACLs read from a
 * cluster may use any of them; a value no Kafka we know has reads as UNKNOWN.
 */
export const AclResourceType = {
  Topic: 'TOPIC',
  Group: 'GROUP',
  Cluster: 'CLUSTER',
  TransactionalId: 'TRANSACTIONAL_ID',
  DelegationToken: 'DELEGATION_TOKEN',
  Unknown: 'UNKNOWN',
} as const;
export type AclResourceType = (typeof AclResourceType)[keyof typeof AclResourceType];

export const AclPatternType = { Literal: 'LITERAL', Prefixed: 'PREFIXED', Unknown: 'UNKNOWN' } as const;
export type AclPatternType = (typeof AclPatternType)[keyof typeof AclPatternType];

export const AclOperation = {
  All: 'ALL',
  Read: 'READ',
  Write: 'WRITE',
  Create: 'CREATE',
  Delete: 'DELETE',
  Alter: 'ALTER',
  Describe: 'DESCRIBE',
  ClusterAction: 'CLUSTER_ACTION',
  DescribeConfigs: 'DESCRIBE_CONFIGS',
  AlterConfigs: 'ALTER_CONFIGS',
  IdempotentWrite: 'IDEMPOTENT_WRITE',
  Unknown: 'UNKNOWN',
} as const;
export type AclOperation = (typeof AclOperation)[keyof typeof AclOperation];

export const AclPermission = { Allow: 'ALLOW', Deny: 'DENY', Unknown: 'UNKNOWN' } as const;
export type AclPermission = (typeof AclPermission)[keyof typeof AclPermission];

/** Kafka names the one cluster resource `kafka-cluster`, always LITERAL. */
export const CLUSTER_RESOURCE_NAME = 'kafka-cluster';
/** Any host: Eventline's apps run wherever the orchestrator puts them. */
export const ANY_HOST = '*';

/** One ACL binding, as Kafka stores it. */
export interface AclEntry {
  readonly principal: string;
  readonly resourceType: AclResourceType;
  readonly patternType: AclPatternType;
  readonly resourceName: string;
  readonly operation: AclOperation;
  readonly permission: AclPermission;
  readonly host: string;
}

/** An ACL the plan wants: always ALLOW (least privilege is built from grants only), with why. */
export interface PlannedAcl extends AclEntry {
  readonly permission: typeof AclPermission.Allow;
  /** What the application does that needs it, e.g. "consumes orders". */
  readonly reasons: readonly string[];
}

/** Identity of a binding: two entries with the same key are the same ACL to Kafka. */
export function aclKey(entry: AclEntry): string {
  return [entry.principal, entry.resourceType, entry.patternType, entry.resourceName, entry.operation, entry.permission, entry.host].join('\u0000');
}

/** `TOPIC orders`, `GROUP eventline-cli-` — how a table shows the resource. */
export function resourceLabel(entry: AclEntry): string {
  return `${entry.resourceType} ${entry.resourceName}`;
}
