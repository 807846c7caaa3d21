import { readTelemetrySettings } from './telemetry-settings';
import { TelemetryError, TelemetryErrorCode } from './telemetry.error';

const read = (env: Record<string, string>) => readTelemetrySettings('orders-service', env);

describe('reading the OTEL_* settings', () => {
  it('leave tracing off when nothing names an exporter or an endpoint (no export errors on a laptop)', () => {
    expect(read({})).toMatchObject({ enabled: false, reason: 'no OTEL_TRACES_EXPORTER or OTLP endpoint set', serviceName: 'orders-service' });
  });

  it.each([
    [{ OTEL_TRACES_EXPORTER: 'zipkin', OTEL_EXPORTER_ZIPKIN_ENDPOINT: 'http://127.0.0.1:9411/api/v2/spans' }, ['zipkin'], 'http://127.0.0.1:9411/api/v2/spans'],
    [{ OTEL_TRACES_EXPORTER: 'otlp' }, ['otlp'], 'http://localhost:4318'],
    [{ OTEL_EXPORTER_OTLP_ENDPOINT: 'https://otel.example.com:4318' }, ['otlp'], 'https://otel.example.com:4318/'],
    [{ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'https://traces.example.com/v1/traces', OTEL_EXPORTER_OTLP_ENDPOINT: 'https://otel.example.com' }, ['otlp'], 'https://traces.example.com/v1/traces'],
  ])('turn tracing on from %j', (env, exporters, endpoint) => {
    expect(read(env)).toMatchObject({ enabled: true, exporters, endpoint, sampler: 'parentbased_always_on' });
  });

  it('stay off when told: OTEL_SDK_DISABLED=true or OTEL_TRACES_EXPORTER=none win over an endpoint', () => {
    expect(read({ OTEL_SDK_DISABLED: 'true', OTEL_TRACES_EXPORTER: 'otlp' })).toMatchObject({ enabled: false, reason: 'OTEL_SDK_DISABLED=true' });
    expect(read({ OTEL_TRACES_EXPORTER: 'none', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' })).toMatchObject({ enabled: false, reason: 'OTEL_TRACES_EXPORTER=none' });
  });

  it('take the service name from OTEL_SERVICE_NAME over the app’s own', () => {
    expect(read({ OTEL_SERVICE_NAME: 'orders-eu', OTEL_TRACES_EXPORTER: 'otlp' }).serviceName).toBe('orders-eu');
  });

  it('accept a ratio sampler with its argument', () => {
    expect(read({ OTEL_TRACES_EXPORTER: 'otlp', OTEL_TRACES_SAMPLER: 'parentbased_traceidratio', OTEL_TRACES_SAMPLER_ARG: '0.01' }).sampler).toBe('parentbased_traceidratio');
  });

  it('refuse every value the SDK would ignore, all at once, each naming its variable', () => {
    const error = (() => {
      try {
        read({
          OTEL_TRACES_EXPORTER: 'otlp,jaegr',
          OTEL_TRACES_SAMPLER: 'sometimes',
          OTEL_EXPORTER_OTLP_PROTOCOL: 'udp',
          OTEL_SDK_DISABLED: 'yes',
        });
      } catch (caught) {
        return caught;
      }
      return undefined;
    })() as TelemetryError;
    expect(error).toBeInstanceOf(TelemetryError);
    expect(error.code).toBe(TelemetryErrorCode.ConfigInvalid);
    expect(error.retriable).toBe(false);
    expect(error.problems).toEqual([
      'OTEL_SDK_DISABLED=yes: expected true or false',
      "OTEL_TRACES_EXPORTER=otlp,jaegr: 'jaegr' is not one of otlp, zipkin, console, none",
      'OTEL_TRACES_SAMPLER=sometimes: expected one of always_on, always_off, traceidratio, parentbased_always_on, parentbased_always_off, parentbased_traceidratio',
      'OTEL_EXPORTER_OTLP_PROTOCOL=udp: expected one of grpc, http/protobuf, http/json',
    ]);
  });

  it.each([
    [{ OTEL_TRACES_SAMPLER: 'traceidratio', OTEL_TRACES_SAMPLER_ARG: '5' }, 'OTEL_TRACES_SAMPLER_ARG=5: expected a ratio from 0 to 1'],
    [{ OTEL_TRACES_SAMPLER: 'always_on', OTEL_TRACES_SAMPLER_ARG: '0.5' }, 'only the ratio samplers'],
  ])('refuse a sampler argument that does not fit: %j', (env, problem) => {
    expect(() => read({ OTEL_TRACES_EXPORTER: 'otlp', ...env })).toThrow(problem);
  });

  it('never show an endpoint’s credentials: redacted when valid, not echoed when unparsable', () => {
    expect(read({ OTEL_EXPORTER_OTLP_ENDPOINT: 'https://svc:s3cret-token@otel.example.com/?key=s3cret-token' }).endpoint).toBe('https://otel.example.com/');
    let message = '';
    try {
      read({ OTEL_EXPORTER_OTLP_ENDPOINT: 's3cret-token@ not a url' });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain('OTEL_EXPORTER_OTLP_ENDPOINT: not an http(s) URL');
    expect(message).not.toContain('s3cret');
  });
});
