import type { NodeSDK } from '@opentelemetry/sdk-node';
import { readTelemetrySettings, type TelemetrySettings } from './telemetry-settings';

let running: NodeSDK | undefined;

/**
 * Starts the OpenTelemetry Node SDK when the OTEL_* variables ask for it (see
 * readTelemetrySettings), before the app loads the modules it instruments: Node's http
 * server and client, Express and Nest's routing (the HTTP request's SERVER span, the outbox's
 * parent), pg (each query), and pino (trace_id and span_id on every log line written in a
 * span). Exporter, endpoint, headers, protocol, sampler and resource come from the standard
 * variables, read by the SDK itself; metrics and logs stay with Prometheus and the app's
 * logger unless OTEL_METRICS_EXPORTER / OTEL_LOGS_EXPORTER say otherwise.
 *
 * Call it from a module the app's main.ts imports first (see apps/<app>/src/telemetry.ts).
 */
export function startTelemetry(defaultServiceName: string, env: NodeJS.ProcessEnv = process.env): TelemetrySettings {
  const settings = readTelemetrySettings(defaultServiceName, env);
  if (!settings.enabled || running !== undefined) return settings;
  env.OTEL_METRICS_EXPORTER ??= 'none';
  env.OTEL_LOGS_EXPORTER ??= 'none';
  env.OTEL_TRACES_EXPORTER ??= settings.exporters.join(',');
  env.OTEL_SERVICE_NAME ??= settings.serviceName;
  // Loaded only when tracing is on: the SDK and the instrumentations take a second or more
  // to load on a small machine, which an app with tracing off must not pay at every start;
  // synchronous on purpose: it must run before the app's own imports.
  const { createNodeSdk } = require('./node-sdk') as typeof import('./node-sdk');
  running = createNodeSdk(settings.serviceName);
  running.start();
  return settings;
}

/**
 * Exports what is still buffered and stops the SDK; a no-op when tracing is off. Called on
 * the app's graceful stop (OpsModule's shutdown hook, or the app's own stop), after the
 * consumers and the relay have finished: their last spans go out too.
 */
export async function flushTelemetry(): Promise<void> {
  const sdk = running;
  running = undefined;
  await sdk?.shutdown();
}

/** The one line an app prints at start: on or off, why, where to; never a header or a password. */
export function describeTelemetry(settings: TelemetrySettings): string {
  if (!settings.enabled) return `tracing: off (${settings.reason})`;
  return `tracing: on as ${settings.serviceName} (${settings.exporters.join(', ')}${settings.endpoint ? ` to ${settings.endpoint}` : ''}, sampler ${settings.sampler})`;
}
