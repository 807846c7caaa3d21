import { tracingEnv, userOtelVariables, type TracedApp } from './tracing-env';

const SPANS = 'http://127.0.0.1:9411/api/v2/spans';
const orders: TracedApp = { serviceName: 'orders-service' };
const worker2: TracedApp = { serviceName: 'fulfillment-worker', instanceId: 'fulfillment-worker-2' };

describe('tracingEnv: what --tracing gives each app', () => {
  it('points an app at the local Zipkin under its service name, sampling every trace', () => {
    expect(tracingEnv(SPANS, orders, {})).toEqual({
      OTEL_TRACES_EXPORTER: 'zipkin',
      OTEL_EXPORTER_ZIPKIN_ENDPOINT: SPANS,
      OTEL_SERVICE_NAME: 'orders-service',
      OTEL_TRACES_SAMPLER: 'parentbased_always_on',
    });
  });

  it('gives a worker instance its instance id under the shared service name', () => {
    expect(tracingEnv(SPANS, worker2, {})).toMatchObject({
      OTEL_SERVICE_NAME: 'fulfillment-worker',
      OTEL_RESOURCE_ATTRIBUTES: 'service.instance.id=fulfillment-worker-2',
    });
  });

  it.each<[string, NodeJS.ProcessEnv, TracedApp, Record<string, string | undefined>]>([
    [
      'an OTLP collector of their own',
      { OTEL_TRACES_EXPORTER: 'otlp', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' },
      orders,
      { OTEL_TRACES_EXPORTER: undefined, OTEL_EXPORTER_ZIPKIN_ENDPOINT: SPANS, OTEL_SERVICE_NAME: 'orders-service' },
    ],
    ['1 % sampling', { OTEL_TRACES_SAMPLER: 'parentbased_traceidratio' }, orders, { OTEL_TRACES_SAMPLER: undefined }],
    ['another Zipkin', { OTEL_EXPORTER_ZIPKIN_ENDPOINT: 'http://zipkin:9411/api/v2/spans' }, orders, { OTEL_EXPORTER_ZIPKIN_ENDPOINT: undefined, OTEL_TRACES_EXPORTER: 'zipkin' }],
    ['a service name', { OTEL_SERVICE_NAME: 'mine' }, orders, { OTEL_SERVICE_NAME: undefined }],
    ['resource attributes (kept, instance id added)', { OTEL_RESOURCE_ATTRIBUTES: 'deployment.environment=dev' }, worker2, { OTEL_RESOURCE_ATTRIBUTES: 'deployment.environment=dev,service.instance.id=fulfillment-worker-2' }],
    ['an instance id of their own', { OTEL_RESOURCE_ATTRIBUTES: 'team=a, service.instance.id=x' }, worker2, { OTEL_RESOURCE_ATTRIBUTES: undefined }],
    ['a variable set to blanks (not set)', { OTEL_TRACES_SAMPLER: '  ' }, orders, { OTEL_TRACES_SAMPLER: 'parentbased_always_on' }],
  ])("the user's environment wins: %s", (_, userEnv, app, expected) => {
    const env = tracingEnv(SPANS, app, userEnv);
    for (const [name, value] of Object.entries(expected)) expect([name, env[name]]).toEqual([name, value]);
  });
});

describe('userOtelVariables', () => {
  it('lists the OTEL_* variables that are set, sorted', () => {
    expect(userOtelVariables({ OTEL_TRACES_SAMPLER: 'always_off', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4318', OTEL_SERVICE_NAME: '', PATH: '/bin' })).toEqual([
      'OTEL_EXPORTER_OTLP_ENDPOINT',
      'OTEL_TRACES_SAMPLER',
    ]);
  });
});
