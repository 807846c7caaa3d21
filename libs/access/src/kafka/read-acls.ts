import { AclOperationTypes, AclPermissionTypes, AclResourceTypes, ResourcePatternTypes, type Admin } from 'kafkajs';
import type { AclEntry } from '../plan/acl-entry';
import { aclFailure } from './kafka-acl-failure';
import { fromKafkajsAcl } from './kafkajs-acl.mapping';

export type AclReader = Pick<Admin, 'describeAcls'>;

/**
 * Every ACL binding on the cluster (one DescribeAcls with an ANY filter), as plain entries.
 * Throws AccessError NoAuthorizer on a cluster without an authorizer, NotAuthorized when our
 * principal lacks DESCRIBE on the cluster.
 */
export async function readAcls(admin: AclReader): Promise<AclEntry[]> {
  let response: Awaited<ReturnType<Admin['describeAcls']>>;
  try {
    response = await admin.describeAcls({
      resourceType: AclResourceTypes.ANY,
      resourcePatternType: ResourcePatternTypes.ANY,
      operation: AclOperationTypes.ANY,
      permissionType: AclPermissionTypes.ANY,
    });
  } catch (err) {
    throw aclFailure(err, 'describe');
  }
  return response.resources.flatMap(({ acls, ...resource }) => acls.map((acl) => fromKafkajsAcl({ ...resource, ...acl })));
}
