/**
 * Tracing for `eventline replay` and `dlq redrive` (their run and record spans), started
 * before anything it instruments is loaded: main.ts imports this first. Off unless
 * OTEL_TRACES_EXPORTER or an OTLP endpoint is set (docs/tracing.md); when on, one line on
 * stderr says so (stdout stays the command's, `--json` included).
 */
import { describeTelemetry, startTelemetry, TelemetryError } from '@eventline/telemetry';
import { ExitCode } from './common/exit-code';

try {
  const settings = startTelemetry('eventline-cli');
  if (settings.enabled) process.stderr.write(`eventline: ${describeTelemetry(settings)}\n`);
} catch (error) {
  process.stderr.write(`eventline: ${error instanceof TelemetryError ? error.message : `tracing cannot start: ${error instanceof Error ? error.message : String(error)}`}\n`);
  process.exit(ExitCode.Usage);
}
