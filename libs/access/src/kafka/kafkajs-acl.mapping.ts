import { AclOperationTypes, AclPermissionTypes, AclResourceTypes, ResourcePatternTypes, type AclEntry as KafkajsAclEntry } from 'kafkajs';
import { AclOperation, AclPatternType, AclPermission, AclResourceType, type AclEntry } from '../plan/acl-entry';

/** The one place kafkajs's numeric ACL enums meet the plan's strings. */
const RESOURCE_TYPES: Record<Exclude<AclResourceType, 'UNKNOWN'>, AclResourceTypes> = {
  TOPIC: AclResourceTypes.TOPIC,
  GROUP: AclResourceTypes.GROUP,
  CLUSTER: AclResourceTypes.CLUSTER,
  TRANSACTIONAL_ID: AclResourceTypes.TRANSACTIONAL_ID,
  DELEGATION_TOKEN: AclResourceTypes.DELEGATION_TOKEN,
};
const PATTERN_TYPES: Record<Exclude<AclPatternType, 'UNKNOWN'>, ResourcePatternTypes> = {
  LITERAL: ResourcePatternTypes.LITERAL,
  PREFIXED: ResourcePatternTypes.PREFIXED,
};
const OPERATIONS: Record<Exclude<AclOperation, 'UNKNOWN'>, AclOperationTypes> = {
  ALL: AclOperationTypes.ALL,
  READ: AclOperationTypes.READ,
  WRITE: AclOperationTypes.WRITE,
  CREATE: AclOperationTypes.CREATE,
  DELETE: AclOperationTypes.DELETE,
  ALTER: AclOperationTypes.ALTER,
  DESCRIBE: AclOperationTypes.DESCRIBE,
  CLUSTER_ACTION: AclOperationTypes.CLUSTER_ACTION,
  DESCRIBE_CONFIGS: AclOperationTypes.DESCRIBE_CONFIGS,
  ALTER_CONFIGS: AclOperationTypes.ALTER_CONFIGS,
  IDEMPOTENT_WRITE: AclOperationTypes.IDEMPOTENT_WRITE,
};
const PERMISSIONS: Record<Exclude<AclPermission, 'UNKNOWN'>, AclPermissionTypes> = {
  ALLOW: AclPermissionTypes.ALLOW,
  DENY: AclPermissionTypes.DENY,
};

function known<K extends string>(table: Record<K, number>, value: string, what: string): number {
  const code = (table as Record<string, number>)[value];
  if (code === undefined) throw new TypeError(`${what} ${value} cannot be sent to Kafka`);
  return code;
}

function named<K extends string>(table: Record<K, number>, code: number): K | 'UNKNOWN' {
  // Kafka versions after kafkajs's enums (USER resources, since Kafka 3.x) read as UNKNOWN.
  const found = (Object.entries(table) as Array<[K, number]>).find(([, c]) => c === code);
  return found ? found[0] : 'UNKNOWN';
}

export function toKafkajsAcl(entry: AclEntry): KafkajsAclEntry {
  return {
    principal: entry.principal,
    host: entry.host,
    resourceType: known(RESOURCE_TYPES, entry.resourceType, 'resource type') as AclResourceTypes,
    resourceName: entry.resourceName,
    resourcePatternType: known(PATTERN_TYPES, entry.patternType, 'pattern type') as ResourcePatternTypes,
    operation: known(OPERATIONS, entry.operation, 'operation') as AclOperationTypes,
    permissionType: known(PERMISSIONS, entry.permission, 'permission') as AclPermissionTypes,
  };
}

export function fromKafkajsAcl(entry: KafkajsAclEntry): AclEntry {
  return {
    principal: entry.principal,
    resourceType: named(RESOURCE_TYPES, entry.resourceType),
    patternType: named(PATTERN_TYPES, entry.resourcePatternType),
    resourceName: entry.resourceName,
    operation: named(OPERATIONS, entry.operation),
    permission: named(PERMISSIONS, entry.permissionType),
    host: entry.host,
  };
}
