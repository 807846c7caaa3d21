export { describeTelemetry, flushTelemetry, startTelemetry } from './start-telemetry';
export { readTelemetrySettings, type TelemetrySettings } from './telemetry-settings';
export { TelemetryError, TelemetryErrorCode } from './telemetry.error';
