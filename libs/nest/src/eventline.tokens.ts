/** Injection tokens of the module's shared clients. */
export const EVENTLINE_KAFKA = Symbol('EVENTLINE_KAFKA');
export const EVENTLINE_CODEC = Symbol('EVENTLINE_CODEC');
/** The module options after the boot check (validateModuleOptions). */
export const EVENTLINE_VALID_OPTIONS = Symbol('EVENTLINE_VALID_OPTIONS');
