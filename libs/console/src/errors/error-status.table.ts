/**
 * HTTP status of every known error code, for the one exception filter. Feature modules add
 * their codes here (one line each); an error whose code is listed neither here nor in the
 * prefix rules answers 500 (503 when it declares itself retriable), with its code and message.
 */
export const ERROR_STATUS: Readonly<Record<string, number>> = {
  // 400: the request is wrong
  BAD_REQUEST: 400,
  BAD_ARGUMENT: 400,
  // 401 / 403 / 429: access (libs/console/src/access)
  UNAUTHENTICATED: 401,
  LOGIN_FAILED: 401,
  FORBIDDEN: 403,
  CSRF_REJECTED: 403,
  LOGIN_THROTTLED: 429,
  // 404: what the request names does not exist
  NOT_FOUND: 404,
  UNKNOWN_TOPIC: 404,
  UNKNOWN_GROUP: 404,
  // 409: refused by the state of the cluster
  GROUP_ACTIVE: 409,
  ALREADY_RUNNING: 409,
  // 502: Kafka or the registry answered, but refused the console (ACL, credentials): the console's configuration
  NOT_AUTHORIZED: 502,
  CONNECTION_NOT_AUTHORIZED: 502,
  CONNECTION_AUTHENTICATION_FAILED: 502,
  // 503: Kafka, the registry or the audit log is away; the same request may pass later
  KAFKA_UNAVAILABLE: 503,
  REGISTRY_UNAVAILABLE: 503,
  CONNECTION_UNREACHABLE: 503,
  AUDIT_UNAVAILABLE: 503,
  REGISTRY_FAILED: 502,
  INTERNAL: 500,
  // The operations library (libs/ops): the same families
  OPS_BAD_ARGUMENT: 400,
  OPS_BAD_TIME: 400,
  OPS_OFFSET_OUT_OF_RANGE: 400,
  OPS_NOT_A_DEAD_LETTER_TOPIC: 400,
  OPS_UNKNOWN_TOPIC: 404,
  OPS_UNKNOWN_PARTITION: 404,
  OPS_UNKNOWN_GROUP: 404,
  OPS_TOPIC_EXISTS: 409,
  OPS_TARGET_TOO_FEW_PARTITIONS: 409,
  OPS_GROUP_ACTIVE: 409,
  OPS_AUTHENTICATION_FAILED: 502,
  OPS_NOT_AUTHORIZED: 502,
  OPS_KAFKA_UNAVAILABLE: 503,
  OPS_REGISTRY_UNAVAILABLE: 503,
  OPS_SEND_NOT_ACKNOWLEDGED: 503,
};

/** Families of codes by prefix, checked after the table. */
export const ERROR_STATUS_PREFIXES: ReadonlyArray<readonly [prefix: string, status: number]> = [['INVALID_', 400]];

/** The status of a code, or undefined when the code is not known. */
export function statusOfCode(code: string): number | undefined {
  if (Object.prototype.hasOwnProperty.call(ERROR_STATUS, code)) return ERROR_STATUS[code];
  return ERROR_STATUS_PREFIXES.find(([prefix]) => code.startsWith(prefix))?.[1];
}
