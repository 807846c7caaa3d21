/**
 * A span in Zipkin's v2 model (zipkin2 `Span`, the JSON of `/api/v2/spans` and of the query
 * API). Ids are lower-hex: trace ids 16 or 32 characters, span ids 16. Times are epoch
 * microseconds. The model has no span links: an OpenTelemetry link is dropped by the Zipkin
 * exporter.
 */
export interface ZipkinSpan {
  readonly traceId: string;
  readonly id: string;
  readonly parentId?: string;
  readonly name?: string;
  readonly kind?: ZipkinSpanKind;
  readonly timestamp?: number;
  readonly duration?: number;
  readonly localEndpoint?: ZipkinEndpoint;
  readonly remoteEndpoint?: ZipkinEndpoint;
  readonly annotations?: readonly { readonly timestamp: number; readonly value: string }[];
  readonly tags?: Readonly<Record<string, string>>;
  readonly debug?: boolean;
  readonly shared?: boolean;
}

export const ZipkinSpanKind = {
  Client: 'CLIENT',
  Server: 'SERVER',
  Producer: 'PRODUCER',
  Consumer: 'CONSUMER',
} as const;
export type ZipkinSpanKind = (typeof ZipkinSpanKind)[keyof typeof ZipkinSpanKind];

export interface ZipkinEndpoint {
  readonly serviceName?: string;
  readonly ipv4?: string;
  readonly ipv6?: string;
  readonly port?: number;
}

const TRACE_ID = /^(?:[0-9a-f]{16}|[0-9a-f]{32})$/;

/** A trace id Zipkin accepts in `/api/v2/trace/{id}`: 16 or 32 lower-hex characters. */
export function isZipkinTraceId(value: string): boolean {
  return TRACE_ID.test(value);
}
