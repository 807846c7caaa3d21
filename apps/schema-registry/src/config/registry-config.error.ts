import { Classification, EventlineError } from '@eventline/errors';

/** Configuration the registry refuses to start with; the message says what to change. */
export class RegistryConfigError extends EventlineError<'SCHEMA_REGISTRY_BAD_CONFIG'> {
  override readonly name = 'RegistryConfigError';
  constructor(message: string) {
    super('SCHEMA_REGISTRY_BAD_CONFIG', message, Classification.Final);
  }
}
