import type { AclEntry, PlannedAcl } from '../plan/acl-entry';
import { diffAcls } from './diff-acls';

const planned = (resourceName: string, operation: PlannedAcl['operation'], principal = 'User:a'): PlannedAcl => ({
  principal,
  resourceType: 'TOPIC',
  patternType: 'LITERAL',
  resourceName,
  operation,
  permission: 'ALLOW',
  host: '*',
  reasons: ['test'],
});
const onCluster = ({ reasons: _reasons, ...entry }: PlannedAcl, change: Partial<AclEntry> = {}): AclEntry => ({ ...entry, ...change });

const readOrders = planned('orders', 'READ');
const describeOrders = planned('orders', 'DESCRIBE');
const label = (e: AclEntry) => `${e.principal} ${e.resourceType} ${e.patternType} ${e.resourceName} ${e.operation} ${e.permission} ${e.host}`;

describe('diffAcls', () => {
  it.each<[string, PlannedAcl[], AclEntry[], { toCreate: string[]; unchanged: string[]; notInPlan: string[] }]>([
    ['an empty cluster: everything to create', [readOrders, describeOrders], [], { toCreate: ['orders READ', 'orders DESCRIBE'], unchanged: [], notInPlan: [] }],
    ['everything present: nothing to create', [readOrders], [onCluster(readOrders)], { toCreate: [], unchanged: ['orders READ'], notInPlan: [] }],
    ['part present', [readOrders, describeOrders], [onCluster(describeOrders)], { toCreate: ['orders READ'], unchanged: ['orders DESCRIBE'], notInPlan: [] }],
    ['a stray ACL: listed, not in the plan', [readOrders], [onCluster(readOrders), onCluster(planned('payments', 'WRITE'))], { toCreate: [], unchanged: ['orders READ'], notInPlan: ['User:a TOPIC LITERAL payments WRITE ALLOW *'] }],
    ['a DENY of a planned grant: the grant is missing, the DENY is listed', [readOrders], [onCluster(readOrders, { permission: 'DENY' })], { toCreate: ['orders READ'], unchanged: [], notInPlan: ['User:a TOPIC LITERAL orders READ DENY *'] }],
    ['the same grant from one host only: not the planned one', [readOrders], [onCluster(readOrders, { host: '10.0.0.7' })], { toCreate: ['orders READ'], unchanged: [], notInPlan: ['User:a TOPIC LITERAL orders READ ALLOW 10.0.0.7'] }],
    ['a PREFIXED grant of the same name: not the LITERAL one', [readOrders], [onCluster(readOrders, { patternType: 'PREFIXED' })], { toCreate: ['orders READ'], unchanged: [], notInPlan: ['User:a TOPIC PREFIXED orders READ ALLOW *'] }],
    ['a broader ALL: still created, ALL listed', [readOrders], [onCluster(readOrders, { operation: 'ALL' })], { toCreate: ['orders READ'], unchanged: [], notInPlan: ['User:a TOPIC LITERAL orders ALL ALLOW *'] }],
    ['another principal’s identical grant: not ours', [readOrders], [onCluster(planned('orders', 'READ', 'User:b'))], { toCreate: ['orders READ'], unchanged: [], notInPlan: ['User:b TOPIC LITERAL orders READ ALLOW *'] }],
    ['a binding reported twice: listed once', [], [onCluster(readOrders), onCluster(readOrders)], { toCreate: [], unchanged: [], notInPlan: ['User:a TOPIC LITERAL orders READ ALLOW *'] }],
  ])('%s', (_case, plan, existing, expected) => {
    const diff = diffAcls(plan, existing);
    expect({
      toCreate: diff.toCreate.map((e) => `${e.resourceName} ${e.operation}`),
      unchanged: diff.unchanged.map((e) => `${e.resourceName} ${e.operation}`),
      notInPlan: diff.notInPlan.map(label),
    }).toEqual(expected);
  });

  it('hands back the planned entries themselves, reasons included', () => {
    const diff = diffAcls([readOrders], []);
    expect(diff.toCreate[0]).toBe(readOrders);
  });
});
