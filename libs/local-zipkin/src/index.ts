export { startZipkin, type LocalZipkin } from './start-zipkin';
export type { StartZipkinOptions } from './start-options';
export { LocalZipkinError, LocalZipkinErrorCode } from './local-zipkin.error';
export { ZipkinQuery, type TraceQuery } from './zipkin-query';
export { ZipkinSpanKind, isZipkinTraceId, type ZipkinEndpoint, type ZipkinSpan } from './zipkin-span';
export { ZIPKIN_SERVER_ARTIFACT, ZIPKIN_VERSION } from './zipkin-artifact';
