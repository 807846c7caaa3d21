/**
 * Tracing, started before anything it instruments is loaded: main.ts imports this first.
 * Off unless OTEL_TRACES_EXPORTER or an OTLP endpoint is set (docs/tracing.md).
 */
import { describeTelemetry, startTelemetry, TelemetryError } from '@eventline/telemetry';

try {
  console.log(describeTelemetry(startTelemetry('orders-service')));
} catch (error) {
  console.error(error instanceof TelemetryError ? error.message : `tracing cannot start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
