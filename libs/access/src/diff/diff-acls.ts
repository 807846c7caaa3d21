import { aclKey, type AclEntry, type PlannedAcl } from '../plan/acl-entry';

export interface AclDiff {
  /** Planned and not on the cluster: what `applyAcls` creates. */
  readonly toCreate: readonly PlannedAcl[];
  /** Planned and already on the cluster. */
  readonly unchanged: readonly PlannedAcl[];
  /**
   * On the cluster and not planned: only ever listed, never deleted. An operator's grant, a
   * DENY, another team's principal — none of them is ours to remove on a plan's word.
   */
  readonly notInPlan: readonly AclEntry[];
}

/**
 * Compares by exact binding (principal, resource type, pattern, name, operation, permission,
 * host), as Kafka stores them. A broader grant that happens to cover a planned one (an ALL,
 * a wildcard) does not count as present: the plan's entry is still created, so the plan
 * alone says what each principal may do, and the broader one shows up under notInPlan.
 */
export function diffAcls(plan: readonly PlannedAcl[], existing: readonly AclEntry[]): AclDiff {
  const onCluster = new Set(existing.map(aclKey));
  const planned = new Set(plan.map(aclKey));
  const toCreate: PlannedAcl[] = [];
  const unchanged: PlannedAcl[] = [];
  for (const entry of plan) (onCluster.has(aclKey(entry)) ? unchanged : toCreate).push(entry);
  const listed = new Set<string>();
  const notInPlan = existing.filter((entry) => {
    const key = aclKey(entry);
    if (planned.has(key) || listed.has(key)) return false;
    listed.add(key);
    return true;
  });
  return { toCreate, unchanged, notInPlan };
}
