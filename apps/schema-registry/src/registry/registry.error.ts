import { RegistryErrorCode, httpStatusOf } from './registry-error-code';

/**
 * A request the registry answers with `{"error_code": code, "message": ...}`. Only store
 * failures are retriable; everything else fails the same way when sent again. `code` is
 * Confluent's numeric error_code, the registry's wire contract, so this error does not take
 * Eventline's string-coded protocol (@eventline/errors); it never reaches a consumer runtime.
 */
export class RegistryError extends Error {
  override readonly name = 'RegistryError';
  constructor(
    readonly code: RegistryErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }

  get httpStatus(): number {
    return httpStatusOf(this.code);
  }

  get retriable(): boolean {
    return this.code === RegistryErrorCode.StoreError || this.code === RegistryErrorCode.OperationTimeout;
  }
}

/** The registry's errors with Confluent's wording, so client messages read the same. */
export const RegistryErrors = {
  subjectNotFound: (subject: string) => new RegistryError(RegistryErrorCode.SubjectNotFound, `Subject '${subject}' not found.`),
  versionNotFound: (version: number | string) => new RegistryError(RegistryErrorCode.VersionNotFound, `Version ${version} not found.`),
  schemaNotFound: (id?: number | string) =>
    new RegistryError(RegistryErrorCode.SchemaNotFound, id === undefined ? 'Schema not found' : `Schema ${id} not found`),
  subjectSoftDeleted: (subject: string) =>
    new RegistryError(RegistryErrorCode.SubjectSoftDeleted, `Subject '${subject}' was soft deleted. Set permanent=true to delete permanently`),
  subjectNotSoftDeleted: (subject: string) =>
    new RegistryError(RegistryErrorCode.SubjectNotSoftDeleted, `Subject '${subject}' was not deleted first before being permanently deleted`),
  versionSoftDeleted: (subject: string, version: number) =>
    new RegistryError(RegistryErrorCode.VersionSoftDeleted, `Subject '${subject}' Version ${version} was soft deleted. Set permanent=true to delete permanently`),
  versionNotSoftDeleted: (subject: string, version: number) =>
    new RegistryError(RegistryErrorCode.VersionNotSoftDeleted, `Subject '${subject}' Version ${version} was not deleted first before being permanently deleted`),
  compatibilityNotConfigured: (subject: string) =>
    new RegistryError(RegistryErrorCode.SubjectLevelCompatibilityNotConfigured, `Subject '${subject}' does not have subject-level compatibility configured`),
  incompatibleSchema: (subject: string, details: readonly string[]) =>
    new RegistryError(
      RegistryErrorCode.IncompatibleSchema,
      `Schema being registered is incompatible with an earlier schema for subject "${subject}", details: [${details.join('; ')}]`,
    ),
  invalidSchema: (message: string, cause?: unknown) => new RegistryError(RegistryErrorCode.InvalidSchema, `Invalid schema: ${message}`, { cause }),
  invalidVersion: (version: string) =>
    new RegistryError(
      RegistryErrorCode.InvalidVersion,
      `The specified version '${version}' is not a valid version id. Allowed values are between [1, 2^31-1] and the string "latest"`,
    ),
  invalidCompatibilityLevel: (level: unknown) =>
    new RegistryError(
      RegistryErrorCode.InvalidCompatibilityLevel,
      `Invalid compatibility level ${JSON.stringify(level)}. Valid values are NONE, BACKWARD, BACKWARD_TRANSITIVE, FORWARD, FORWARD_TRANSITIVE, FULL, FULL_TRANSITIVE`,
    ),
  unauthorized: (message: string) => new RegistryError(RegistryErrorCode.Unauthorized, message),
  // Names the authenticated user (a real name, never a guessed one) and the roles, not the
  // path: a path may carry anything the client put in it.
  forbidden: (user: string, role: string, needed: string) =>
    new RegistryError(RegistryErrorCode.Forbidden, `Forbidden: user '${user}' has role ${role}; this endpoint needs ${needed}`),
  referenceExists: (subject: string, version: number) =>
    new RegistryError(RegistryErrorCode.ReferenceExists, `One or more references exist to the schema {subject=${subject}, version=${version}}`),
} as const;
