/**
 * What an app's tracing setup gives a process, reduced to what the specs need: the W3C
 * propagator, async context, a tracer provider (sampling everything, exporting nothing) and
 * HTTP instrumentation, so an incoming request runs in a SERVER span that is the child of
 * the caller's `traceparent` header. Import it before anything loads `http`: the
 * instrumentation patches the module as it is required.
 */
import { context, propagation, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { BasicTracerProvider } from '@opentelemetry/sdk-trace-base';

context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
propagation.setGlobalPropagator(new W3CTraceContextPropagator());
trace.setGlobalTracerProvider(new BasicTracerProvider());
// Enabled on construction: from here on, `require('http')` returns the patched module.
new HttpInstrumentation();
