/** Configuration the registry refuses to start with; the message says what to change. */
export class RegistryConfigError extends Error {
  override readonly name = 'RegistryConfigError';
  readonly code = 'SCHEMA_REGISTRY_BAD_CONFIG';
  readonly retriable = false;
}
