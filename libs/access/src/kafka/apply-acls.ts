import type { Admin } from 'kafkajs';
import type { AclDiff } from '../diff/diff-acls';
import type { PlannedAcl } from '../plan/acl-entry';
import { aclFailure } from './kafka-acl-failure';
import { toKafkajsAcl } from './kafkajs-acl.mapping';

export type AclWriter = Pick<Admin, 'createAcls'>;

export interface AclApplyResult {
  readonly created: readonly PlannedAcl[];
}

/**
 * Creates `diff.toCreate` in one CreateAcls request, and nothing else: `unchanged` is on the
 * cluster already and `notInPlan` is never deleted. Kafka keeps ACLs as a set (creating one
 * that exists changes nothing), so a diff gone stale since it was made stays harmless.
 * Kafka applies each creation on its own: if one fails, the others may have landed, so the
 * next plan (not this call) says what is present.
 */
export async function applyAcls(admin: AclWriter, diff: Pick<AclDiff, 'toCreate'>): Promise<AclApplyResult> {
  if (diff.toCreate.length === 0) return { created: [] };
  try {
    await admin.createAcls({ acl: diff.toCreate.map(toKafkajsAcl) });
  } catch (err) {
    throw aclFailure(err, 'create');
  }
  return { created: diff.toCreate };
}
