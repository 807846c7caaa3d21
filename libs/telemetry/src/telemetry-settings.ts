import { TelemetryError } from './telemetry.error';

/** What the process does about traces, read from the standard OpenTelemetry variables. */
export interface TelemetrySettings {
  readonly enabled: boolean;
  /** Why tracing is on or off, for the start-up line. */
  readonly reason: string;
  readonly serviceName: string;
  /** The exporters named (`otlp`, `zipkin`, `console`), empty when off. */
  readonly exporters: readonly string[];
  /** Where spans go, with any user:password removed, for the start-up line. */
  readonly endpoint?: string;
  readonly sampler: string;
}

const EXPORTERS = ['otlp', 'zipkin', 'console', 'none'];
const SAMPLERS = ['always_on', 'always_off', 'traceidratio', 'parentbased_always_on', 'parentbased_always_off', 'parentbased_traceidratio'];
const RATIO_SAMPLERS = ['traceidratio', 'parentbased_traceidratio'];
const PROTOCOLS = ['grpc', 'http/protobuf', 'http/json'];
const URL_VARIABLES = ['OTEL_EXPORTER_OTLP_ENDPOINT', 'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT', 'OTEL_EXPORTER_ZIPKIN_ENDPOINT'];
const DEFAULT_SAMPLER = 'parentbased_always_on';

/**
 * Tracing is on when the environment names somewhere to send spans — OTEL_TRACES_EXPORTER
 * (other than `none`), or an OTLP endpoint — and OTEL_SDK_DISABLED is not `true`. Unlike the
 * SDK's own default (OTLP to localhost:4318), an app with no OTEL_* variable exports nothing:
 * a laptop without a collector gets no export errors, and the libraries' spans stay no-ops.
 *
 * Values the SDK would silently ignore (an unknown exporter or sampler, a ratio outside 0..1,
 * an endpoint that is not a URL) stop the start with every problem named; header values
 * (OTEL_EXPORTER_OTLP_HEADERS carries API keys) are never read here nor echoed.
 */
export function readTelemetrySettings(defaultServiceName: string, env: NodeJS.ProcessEnv = process.env): TelemetrySettings {
  const problems: string[] = [];
  const value = (name: string): string | undefined => {
    const raw = env[name]?.trim();
    return raw === undefined || raw === '' ? undefined : raw;
  };
  const serviceName = value('OTEL_SERVICE_NAME') ?? defaultServiceName;

  const disabled = value('OTEL_SDK_DISABLED');
  if (disabled !== undefined && !['true', 'false'].includes(disabled.toLowerCase())) problems.push(`OTEL_SDK_DISABLED=${disabled}: expected true or false`);

  const exporters = (value('OTEL_TRACES_EXPORTER') ?? '')
    .split(',')
    .map((e) => e.trim().toLowerCase())
    .filter((e) => e !== '');
  for (const exporter of exporters) {
    if (!EXPORTERS.includes(exporter)) problems.push(`OTEL_TRACES_EXPORTER=${value('OTEL_TRACES_EXPORTER')}: '${exporter}' is not one of ${EXPORTERS.join(', ')}`);
  }

  const sampler = (value('OTEL_TRACES_SAMPLER') ?? DEFAULT_SAMPLER).toLowerCase();
  if (!SAMPLERS.includes(sampler)) problems.push(`OTEL_TRACES_SAMPLER=${value('OTEL_TRACES_SAMPLER')}: expected one of ${SAMPLERS.join(', ')}`);
  const samplerArg = value('OTEL_TRACES_SAMPLER_ARG');
  if (samplerArg !== undefined) {
    const ratio = Number(samplerArg);
    if (!RATIO_SAMPLERS.includes(sampler)) problems.push(`OTEL_TRACES_SAMPLER_ARG=${samplerArg}: only the ratio samplers (${RATIO_SAMPLERS.join(', ')}) take an argument`);
    else if (!(Number.isFinite(ratio) && ratio >= 0 && ratio <= 1)) problems.push(`OTEL_TRACES_SAMPLER_ARG=${samplerArg}: expected a ratio from 0 to 1, e.g. 0.01 for 1 % of traces`);
  }

  const protocol = value('OTEL_EXPORTER_OTLP_TRACES_PROTOCOL') ?? value('OTEL_EXPORTER_OTLP_PROTOCOL');
  if (protocol !== undefined && !PROTOCOLS.includes(protocol)) problems.push(`OTEL_EXPORTER_OTLP_PROTOCOL=${protocol}: expected one of ${PROTOCOLS.join(', ')}`);

  const endpoints = new Map<string, string>();
  for (const name of URL_VARIABLES) {
    const url = value(name);
    if (url === undefined) continue;
    const shown = redactedUrl(url);
    if (shown === undefined) problems.push(`${name}: not an http(s) URL (value not shown: it may hold credentials)`);
    else endpoints.set(name, shown);
  }
  if (problems.length > 0) throw new TelemetryError(problems);

  const otlpEndpoint = endpoints.get('OTEL_EXPORTER_OTLP_TRACES_ENDPOINT') ?? endpoints.get('OTEL_EXPORTER_OTLP_ENDPOINT');
  const named = exporters.filter((e) => e !== 'none');
  const chosen = named.length > 0 ? named : exporters.length === 0 && otlpEndpoint !== undefined ? ['otlp'] : [];
  const endpoint = chosen.includes('zipkin') ? (endpoints.get('OTEL_EXPORTER_ZIPKIN_ENDPOINT') ?? 'http://localhost:9411/api/v2/spans') : chosen.includes('otlp') ? (otlpEndpoint ?? 'http://localhost:4318') : undefined;

  if (disabled?.toLowerCase() === 'true') return { enabled: false, reason: 'OTEL_SDK_DISABLED=true', serviceName, exporters: [], sampler };
  if (chosen.length === 0) {
    const reason = exporters.includes('none') ? 'OTEL_TRACES_EXPORTER=none' : 'no OTEL_TRACES_EXPORTER or OTLP endpoint set';
    return { enabled: false, reason, serviceName, exporters: [], sampler };
  }
  const reason = named.length > 0 ? `OTEL_TRACES_EXPORTER=${named.join(',')}` : 'an OTLP endpoint is set';
  return { enabled: true, reason, serviceName, exporters: chosen, ...(endpoint !== undefined ? { endpoint } : {}), sampler };
}

/** The URL without user:password, or undefined when it is not an http(s) URL. */
function redactedUrl(raw: string): string | undefined {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  url.username = '';
  url.password = '';
  url.search = '';
  return url.toString();
}
