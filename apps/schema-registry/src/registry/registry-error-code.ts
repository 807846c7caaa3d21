/**
 * Confluent Schema Registry's `error_code` values (its rest/exceptions/Errors.java). The HTTP
 * status is the first three digits: 40401 -> 404, 42201 -> 422, 409 -> 409.
 */
export const RegistryErrorCode = {
  NotFound: 404,
  IncompatibleSchema: 409,
  UnsupportedMediaType: 415,
  UnprocessableEntity: 422,
  /** Missing or wrong credentials; the same code whichever part was wrong. */
  Unauthorized: 40101,
  /** Authenticated, but the user's role does not allow this endpoint. */
  Forbidden: 40301,
  SubjectNotFound: 40401,
  VersionNotFound: 40402,
  SchemaNotFound: 40403,
  SubjectSoftDeleted: 40404,
  SubjectNotSoftDeleted: 40405,
  VersionSoftDeleted: 40406,
  VersionNotSoftDeleted: 40407,
  SubjectLevelCompatibilityNotConfigured: 40408,
  InvalidSchema: 42201,
  InvalidVersion: 42202,
  InvalidCompatibilityLevel: 42203,
  ReferenceExists: 42206,
  StoreError: 50001,
  OperationTimeout: 50002,
} as const;
export type RegistryErrorCode = (typeof RegistryErrorCode)[keyof typeof RegistryErrorCode];

export function httpStatusOf(code: number): number {
  return code >= 1000 ? Math.floor(code / 100) : code;
}
