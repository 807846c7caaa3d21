export {
  ANY_HOST,
  AclOperation,
  AclPatternType,
  AclPermission,
  AclResourceType,
  CLUSTER_RESOURCE_NAME,
  aclKey,
  resourceLabel,
  type AclEntry,
  type PlannedAcl,
} from './plan/acl-entry';
export { planAcls, type PlanOptions } from './plan/plan-acls';
export { diffAcls, type AclDiff } from './diff/diff-acls';
export { readAcls, type AclReader } from './kafka/read-acls';
export { applyAcls, type AclApplyResult, type AclWriter } from './kafka/apply-acls';
export { AccessError, AccessErrorCode, isAccessError } from './errors/access.error';
