import { EventlineError } from '@eventline/errors';

export const TelemetryErrorCode = {
  /** An OTEL_* variable has a value the SDK would ignore or misread; the process does not start. */
  ConfigInvalid: 'TELEMETRY_CONFIG_INVALID',
} as const;
export type TelemetryErrorCode = (typeof TelemetryErrorCode)[keyof typeof TelemetryErrorCode];

/** Every problem of the OTEL_* settings at once, each naming the variable, its value and what is expected. */
export class TelemetryError extends EventlineError<TelemetryErrorCode> {
  constructor(readonly problems: readonly string[]) {
    super(TelemetryErrorCode.ConfigInvalid, `tracing settings are invalid:\n  - ${problems.join('\n  - ')}`, { poison: false, retriable: false });
    this.name = 'TelemetryError';
  }
}
