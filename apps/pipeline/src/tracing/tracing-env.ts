/**
 * The standard OpenTelemetry SDK variables `npm start -- --tracing` gives each app (the
 * names every OpenTelemetry SDK reads; libs/telemetry reads exactly these).
 */
export const OtelVariable = {
  TracesExporter: 'OTEL_TRACES_EXPORTER',
  ZipkinEndpoint: 'OTEL_EXPORTER_ZIPKIN_ENDPOINT',
  ServiceName: 'OTEL_SERVICE_NAME',
  ResourceAttributes: 'OTEL_RESOURCE_ATTRIBUTES',
  TracesSampler: 'OTEL_TRACES_SAMPLER',
} as const;
export type OtelVariable = (typeof OtelVariable)[keyof typeof OtelVariable];

/** One app as the trace backend shows it: instances of a worker share the service name. */
export interface TracedApp {
  readonly serviceName: string;
  /** `service.instance.id`, e.g. fulfillment-worker-2; only where several instances run. */
  readonly instanceId?: string;
}

const INSTANCE_ID = 'service.instance.id';
const isSet = (env: NodeJS.ProcessEnv, name: string) => (env[name] ?? '').trim() !== '';

/** The OTEL_* variables the user has set (non-empty), which win over the pipeline's. */
export function userOtelVariables(env: NodeJS.ProcessEnv): string[] {
  return Object.keys(env)
    .filter((name) => name.startsWith('OTEL_') && isSet(env, name))
    .sort();
}

/** The keys of OTEL_RESOURCE_ATTRIBUTES (comma-separated key=value pairs). */
function resourceKeys(attributes: string): string[] {
  return attributes
    .split(',')
    .map((pair) => pair.split('=')[0].trim())
    .filter((key) => key !== '');
}

/**
 * What one app gets on top of the environment it inherits: Zipkin export to
 * `spansEndpoint`, its service name, every trace sampled unless its parent says otherwise.
 * A variable the user set is left out, so the inherited value wins (their OTLP collector,
 * their sampler). OTEL_RESOURCE_ATTRIBUTES is the exception that is merged: the user's
 * attributes are kept and the instance id added unless they name one themselves.
 */
export function tracingEnv(spansEndpoint: string, app: TracedApp, userEnv: NodeJS.ProcessEnv): Record<string, string> {
  const env: Record<string, string> = {};
  const offer = (name: OtelVariable, value: string) => {
    if (!isSet(userEnv, name)) env[name] = value;
  };
  offer(OtelVariable.TracesExporter, 'zipkin');
  offer(OtelVariable.ZipkinEndpoint, spansEndpoint);
  offer(OtelVariable.ServiceName, app.serviceName);
  offer(OtelVariable.TracesSampler, 'parentbased_always_on');
  if (app.instanceId !== undefined) {
    const user = (userEnv[OtelVariable.ResourceAttributes] ?? '').trim();
    if (!resourceKeys(user).includes(INSTANCE_ID)) {
      env[OtelVariable.ResourceAttributes] = [user, `${INSTANCE_ID}=${app.instanceId}`].filter((part) => part !== '').join(',');
    }
  }
  return env;
}
