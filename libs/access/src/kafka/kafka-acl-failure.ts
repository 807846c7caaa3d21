import { AccessError, AccessErrorCode } from '../errors/access.error';

/**
 * What an ACL request's failure means, from the Kafka error kafkajs raises (its `type`).
 * Anything else (a broker away, a timeout) is returned as is: it is kafkajs's to describe.
 */
export function aclFailure(err: unknown, doing: 'describe' | 'create'): unknown {
  const type = (err as { type?: unknown } | null)?.type;
  if (type === 'SECURITY_DISABLED') {
    // Kafka answers SECURITY_DISABLED when no authorizer.class.name is set: every client may do anything.
    return new AccessError(AccessErrorCode.NoAuthorizer, 'the cluster has no authorizer: ACLs do not apply (every client may do anything)', { cause: err });
  }
  if (type === 'CLUSTER_AUTHORIZATION_FAILED') {
    const right = doing === 'describe' ? 'DESCRIBE' : 'ALTER';
    return new AccessError(
      AccessErrorCode.NotAuthorized,
      `this principal may not ${doing} ACLs: it needs ${right} on the cluster (run as a Kafka super user or an ACL administrator)`,
      { cause: err },
    );
  }
  return err;
}
