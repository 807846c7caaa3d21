import { AclOperationTypes, AclPermissionTypes, AclResourceTypes, ResourcePatternTypes, type AclEntry as KafkajsAclEntry, type Admin } from 'kafkajs';
import { AccessErrorCode } from '../errors/access.error';
import type { PlannedAcl } from '../plan/acl-entry';
import { applyAcls } from './apply-acls';
import { fromKafkajsAcl, toKafkajsAcl } from './kafkajs-acl.mapping';
import { readAcls } from './read-acls';

const groupDelete: PlannedAcl = {
  principal: 'User:eventline-cli',
  resourceType: 'GROUP',
  patternType: 'PREFIXED',
  resourceName: 'eventline-cli-',
  operation: 'DELETE',
  permission: 'ALLOW',
  host: '*',
  reasons: ['consumer group eventline-cli- (DeleteGroups)'],
};
const kafkajsGroupDelete: KafkajsAclEntry = {
  principal: 'User:eventline-cli',
  host: '*',
  resourceType: AclResourceTypes.GROUP,
  resourceName: 'eventline-cli-',
  resourcePatternType: ResourcePatternTypes.PREFIXED,
  operation: AclOperationTypes.DELETE,
  permissionType: AclPermissionTypes.ALLOW,
};

/** A kafkajs error as the protocol layer raises it: only `type` matters to us. */
const protocolError = (type: string) => Object.assign(new Error(type), { name: 'KafkaJSProtocolError', type });

describe('kafkajs ACL mapping', () => {
  it('sends a planned entry as kafkajs enums, and reads it back the same', () => {
    expect(toKafkajsAcl(groupDelete)).toEqual(kafkajsGroupDelete);
    const { reasons: _reasons, ...entry } = groupDelete;
    expect(fromKafkajsAcl(kafkajsGroupDelete)).toEqual(entry);
  });

  it('reads a resource type newer than kafkajs (USER = 7) as UNKNOWN instead of failing', () => {
    expect(fromKafkajsAcl({ ...kafkajsGroupDelete, resourceType: 7 as AclResourceTypes }).resourceType).toBe('UNKNOWN');
  });

  it('refuses to send UNKNOWN', () => {
    expect(() => toKafkajsAcl({ ...groupDelete, operation: 'UNKNOWN' })).toThrow('operation UNKNOWN cannot be sent to Kafka');
  });
});

describe('readAcls', () => {
  it('asks for every binding and flattens resources into entries', async () => {
    const describeAcls = jest.fn(async () => ({
      throttleTime: 0,
      errorCode: 0,
      resources: [
        {
          resourceType: AclResourceTypes.TOPIC,
          resourceName: 'orders',
          resourcePatternType: ResourcePatternTypes.LITERAL,
          acls: [
            { principal: 'User:a', host: '*', operation: AclOperationTypes.READ, permissionType: AclPermissionTypes.ALLOW },
            { principal: 'User:b', host: '*', operation: AclOperationTypes.WRITE, permissionType: AclPermissionTypes.DENY },
          ],
        },
      ],
    }));
    const entries = await readAcls({ describeAcls } as unknown as Admin);
    expect(describeAcls).toHaveBeenCalledWith({ resourceType: AclResourceTypes.ANY, resourcePatternType: ResourcePatternTypes.ANY, operation: AclOperationTypes.ANY, permissionType: AclPermissionTypes.ANY });
    expect(entries.map((e) => `${e.principal} ${e.resourceType} ${e.resourceName} ${e.operation} ${e.permission}`)).toEqual(['User:a TOPIC orders READ ALLOW', 'User:b TOPIC orders WRITE DENY']);
  });

  it.each([
    ['SECURITY_DISABLED', AccessErrorCode.NoAuthorizer, /^the cluster has no authorizer: ACLs do not apply/],
    ['CLUSTER_AUTHORIZATION_FAILED', AccessErrorCode.NotAuthorized, /may not describe ACLs: it needs DESCRIBE on the cluster/],
  ])('turns %s into %s', async (type, code, message) => {
    const admin = { describeAcls: async () => Promise.reject(protocolError(type)) } as unknown as Admin;
    await expect(readAcls(admin)).rejects.toMatchObject({ code, message: expect.stringMatching(message), retriable: false });
  });

  it('leaves other failures (a broker away) as kafkajs raised them', async () => {
    const away = protocolError('REQUEST_TIMED_OUT');
    await expect(readAcls({ describeAcls: async () => Promise.reject(away) } as unknown as Admin)).rejects.toBe(away);
  });
});

describe('applyAcls', () => {
  it('creates exactly the entries to create, in one request', async () => {
    const createAcls = jest.fn(async () => true);
    const result = await applyAcls({ createAcls } as unknown as Admin, { toCreate: [groupDelete] });
    expect(createAcls).toHaveBeenCalledTimes(1);
    expect(createAcls).toHaveBeenCalledWith({ acl: [kafkajsGroupDelete] });
    expect(result.created).toEqual([groupDelete]);
  });

  it('sends nothing when nothing is to create (kafkajs refuses an empty list)', async () => {
    const createAcls = jest.fn(async () => true);
    expect(await applyAcls({ createAcls } as unknown as Admin, { toCreate: [] })).toEqual({ created: [] });
    expect(createAcls).not.toHaveBeenCalled();
  });

  it('says which cluster right is missing when creation is refused', async () => {
    const admin = { createAcls: async () => Promise.reject(protocolError('CLUSTER_AUTHORIZATION_FAILED')) } as unknown as Admin;
    await expect(applyAcls(admin, { toCreate: [groupDelete] })).rejects.toMatchObject({ code: AccessErrorCode.NotAuthorized, message: expect.stringContaining('needs ALTER on the cluster') });
  });
});
