/**
 * kafkajs reports a denied ACL as "Not authorized to access group: Group authorization
 * failed" — true, but silent on what to grant. For the errors a consumer or producer meets
 * when an ACL is missing, say which operation on which resource the principal lacks; the
 * plan that grants it is `eventline acls plan`. Undefined for anything else.
 */
export function authorizationHint(error: unknown, context: { readonly groupId?: string; readonly topics?: readonly string[] }): string | undefined {
  let type: unknown;
  for (let e = error as { type?: unknown; originalError?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 5 && type === undefined; depth++) {
    type = e.type;
    e = (e.originalError ?? e.cause) as typeof e;
  }
  const grant = '(eventline acls plan --execute)';
  switch (type) {
    case 'GROUP_AUTHORIZATION_FAILED':
      return `not authorized (GROUP_AUTHORIZATION_FAILED): this principal needs READ and DESCRIBE on group ${context.groupId ?? '?'} ${grant}; nothing was consumed or committed`;
    case 'TOPIC_AUTHORIZATION_FAILED':
      return `not authorized (TOPIC_AUTHORIZATION_FAILED): this principal needs READ and DESCRIBE on topic${(context.topics?.length ?? 0) > 1 ? 's' : ''} ${context.topics?.join(', ') ?? '?'} ${grant}; nothing was consumed or committed`;
    case 'CLUSTER_AUTHORIZATION_FAILED':
      return `not authorized (CLUSTER_AUTHORIZATION_FAILED): an idempotent producer needs IDEMPOTENT_WRITE on the cluster ${grant}`;
    default:
      return undefined;
  }
}
