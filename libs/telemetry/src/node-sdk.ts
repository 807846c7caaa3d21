import type { IncomingMessage } from 'node:http';
import { ExpressInstrumentation } from '@opentelemetry/instrumentation-express';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { NestInstrumentation } from '@opentelemetry/instrumentation-nestjs-core';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { PinoInstrumentation } from '@opentelemetry/instrumentation-pino';
import { NodeSDK } from '@opentelemetry/sdk-node';

/** Probes and scrapes, every few seconds from Kubernetes and Prometheus: not worth a trace each. */
const UNTRACED_PATHS = new Set(['/health', '/healthz', '/ready', '/metrics']);

/**
 * The SDK with the instrumentations an Eventline app needs; exporter, sampler, propagators
 * and resource from the OTEL_* variables. Its own module: start-telemetry.ts loads it only
 * when tracing is on.
 */
export function createNodeSdk(serviceName: string): NodeSDK {
  return new NodeSDK({
    serviceName,
    instrumentations: [
      new HttpInstrumentation({ ignoreIncomingRequestHook: (request: IncomingMessage) => UNTRACED_PATHS.has((request.url ?? '').split('?')[0]) }),
      new ExpressInstrumentation(),
      new NestInstrumentation(),
      // Only inside a span: the outbox relay's polling would otherwise make a trace per poll.
      new PgInstrumentation({ requireParentSpan: true }),
      new PinoInstrumentation(),
    ],
  });
}
