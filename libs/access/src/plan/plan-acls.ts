import { NamePattern, type ApplicationDeclaration, type ResourceName } from '@eventline/contracts';
import { AccessError, AccessErrorCode } from '../errors/access.error';
import { ANY_HOST, AclOperation, AclPermission, AclResourceType, CLUSTER_RESOURCE_NAME, aclKey, type PlannedAcl } from './acl-entry';
import { selectDeclarations } from './select-declarations';
import { planProblems } from './plan.validator';

export interface PlanOptions {
  /** Only these principals (`User:<name>` or the application's name); default every one. */
  readonly principals?: readonly string[];
  /** Default `*`. */
  readonly host?: string;
}

type Grant = readonly [operation: AclOperation, requests: string];

/**
 * The one table of what each use needs, with the Kafka requests whose authorization it
 * satisfies (Kafka docs, "Operations and Resources on Protocols"). DESCRIBE is implied by
 * READ and WRITE in Kafka, but stated anyway: the plan is read by people and turned into
 * KafkaUser manifests, where an implied right is an invisible one.
 */
const READS: readonly Grant[] = [
  [AclOperation.Read, 'Fetch, OffsetCommit'],
  [AclOperation.Describe, 'Metadata, ListOffsets, OffsetFetch'],
];
const WRITES: readonly Grant[] = [
  [AclOperation.Write, 'Produce'],
  [AclOperation.Describe, 'Metadata'],
];
const CREATES: readonly Grant[] = [[AclOperation.Create, 'CreateTopics']];
const DESCRIBES_CONFIGS: readonly Grant[] = [[AclOperation.DescribeConfigs, 'DescribeConfigs']];
const GROUP_MEMBER: readonly Grant[] = [
  [AclOperation.Read, 'JoinGroup, SyncGroup, Heartbeat, OffsetCommit'],
  [AclOperation.Describe, 'FindCoordinator, OffsetFetch, DescribeGroups'],
];
const GROUP_DELETE: Grant = [AclOperation.Delete, 'DeleteGroups'];
// Kafka 3.0+ also accepts WRITE on any topic for InitProducerId (KIP-679); the explicit grant
// keeps older brokers and readers of the plan in the picture.
const IDEMPOTENT: readonly Grant[] = [[AclOperation.IdempotentWrite, 'InitProducerId']];
const TRANSACTIONAL: readonly Grant[] = [
  [AclOperation.Write, 'InitProducerId, AddPartitionsToTxn, EndTxn, TxnOffsetCommit'],
  [AclOperation.Describe, 'FindCoordinator'],
];

/**
 * The ALLOW entries that let each declared application do exactly what it declares, and
 * nothing else: one entry per (principal, resource, operation), reasons merged when two
 * uses need the same one (a topic both consumed and dead-lettered to by one app, say).
 * Invalid declarations are refused with every problem listed.
 */
export function planAcls(declarations: readonly ApplicationDeclaration[], options: PlanOptions = {}): PlannedAcl[] {
  const selected = selectDeclarations(declarations, options.principals);
  const problems = planProblems(selected);
  if (problems.length > 0) throw new AccessError(AccessErrorCode.PlanInvalid, `the application declarations cannot become ACLs: ${problems.join('; ')}`);

  const host = options.host ?? ANY_HOST;
  const plan = new Map<string, PlannedAcl & { reasons: string[] }>();
  for (const d of selected) {
    const grant = (resourceType: AclResourceType, resource: ResourceName, grants: readonly Grant[], what: string) => {
      for (const [operation, requests] of grants) {
        const entry = { principal: d.principal, resourceType, patternType: resource.pattern, resourceName: resource.name, operation, permission: AclPermission.Allow, host };
        const reason = `${what} (${requests})`;
        const key = aclKey(entry);
        const found = plan.get(key);
        if (!found) plan.set(key, { ...entry, reasons: [reason] });
        else if (!found.reasons.includes(reason)) found.reasons.push(reason);
      }
    };
    for (const t of d.reads) grant(AclResourceType.Topic, t, READS, `consumes ${t.name}`);
    for (const t of d.writes) grant(AclResourceType.Topic, t, WRITES, `produces to ${t.name}`);
    for (const t of d.deadLetters) grant(AclResourceType.Topic, t, WRITES, `dead-letters to ${t.name}`);
    for (const t of d.creates) grant(AclResourceType.Topic, t, CREATES, `creates ${t.name} when missing`);
    for (const t of d.describesConfigs) grant(AclResourceType.Topic, t, DESCRIBES_CONFIGS, `shows the configs of ${t.name}`);
    for (const g of d.groups) grant(AclResourceType.Group, g.group, g.deletes ? [...GROUP_MEMBER, GROUP_DELETE] : GROUP_MEMBER, `consumer group ${g.group.name}`);
    if (d.idempotentProducer) grant(AclResourceType.Cluster, { name: CLUSTER_RESOURCE_NAME, pattern: NamePattern.Literal }, IDEMPOTENT, 'idempotent producer');
    for (const id of d.transactionalIds) grant(AclResourceType.TransactionalId, id, TRANSACTIONAL, `transactional producer ${id.name}`);
  }
  return [...plan.values()];
}
