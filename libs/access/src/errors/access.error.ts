import { Classification, EventlineError } from '@eventline/errors';

export const AccessErrorCode = {
  /** A declaration cannot become ACLs (bad principal, empty or illegal resource name). */
  PlanInvalid: 'ACCESS_PLAN_INVALID',
  /** A principal asked for is not one of the declared applications. */
  UnknownPrincipal: 'ACCESS_UNKNOWN_PRINCIPAL',
  /** The cluster runs without an authorizer (Kafka answers SECURITY_DISABLED): ACLs do not apply. */
  NoAuthorizer: 'ACCESS_NO_AUTHORIZER',
  /** Our principal may not describe (cluster DESCRIBE) or create (cluster ALTER) ACLs. */
  NotAuthorized: 'ACCESS_NOT_AUTHORIZED',
} as const;
export type AccessErrorCode = (typeof AccessErrorCode)[keyof typeof AccessErrorCode];

/**
 * Nothing here is worth retrying as is: a plan or a cluster's security setup does not change
 * between two attempts. A broker that is away surfaces as kafkajs's own (retriable) error.
 */
export class AccessError extends EventlineError<AccessErrorCode> {
  override readonly name = 'AccessError';

  constructor(code: AccessErrorCode, message: string, options: { cause?: unknown } = {}) {
    super(code, message, Classification.Final, options);
  }
}

export function isAccessError(err: unknown, code?: AccessErrorCode): err is AccessError {
  return err instanceof AccessError && (code === undefined || err.code === code);
}
