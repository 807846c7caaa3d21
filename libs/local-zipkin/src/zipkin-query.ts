import { LocalZipkinError, LocalZipkinErrorCode } from './local-zipkin.error';
import { parseServices, parseSpans, parseTraces, traceIdsOf } from './zipkin-answers';
import { isZipkinTraceId, type ZipkinSpan } from './zipkin-span';

/** A search of `/api/v2/traces`; what is left out takes Zipkin's default. */
export interface TraceQuery {
  /** Only traces with a span of this name. */
  readonly spanName?: string;
  /** At most this many traces (Zipkin: 10). */
  readonly limit?: number;
  /** Traces that started in the lookbackMs before endTs (Zipkin: QUERY_LOOKBACK, one day). */
  readonly lookbackMs?: number;
  /** The end of the window (default: now). */
  readonly endTs?: Date | number;
}

const REQUEST_TIMEOUT_MS = 5_000;

/**
 * Reads Zipkin's v2 query API. Zipkin indexes a span asynchronously after the POST that
 * delivered it was accepted (202), so a caller that just sent spans polls for its condition.
 */
export class ZipkinQuery {
  constructor(readonly url: string) {}

  async services(): Promise<string[]> {
    const endpoint = `${this.url}/api/v2/services`;
    return parseServices(await this.get(endpoint), endpoint);
  }

  /** The ids of the traces with a span of `serviceName`, newest first. */
  async traceIds(serviceName: string, query: TraceQuery = {}): Promise<string[]> {
    const params = new URLSearchParams({ serviceName });
    if (query.spanName !== undefined) params.set('spanName', query.spanName);
    if (query.limit !== undefined) params.set('limit', String(query.limit));
    if (query.lookbackMs !== undefined) params.set('lookback', String(query.lookbackMs));
    if (query.endTs !== undefined) params.set('endTs', String(query.endTs instanceof Date ? query.endTs.getTime() : query.endTs));
    const endpoint = `${this.url}/api/v2/traces?${params}`;
    return traceIdsOf(parseTraces(await this.get(endpoint), endpoint));
  }

  /** The spans of one trace; none (not an error) while Zipkin does not know it yet. */
  async trace(traceId: string): Promise<ZipkinSpan[]> {
    const id = traceId.toLowerCase();
    if (!isZipkinTraceId(id)) {
      throw new LocalZipkinError(LocalZipkinErrorCode.InvalidOption, `"${traceId}" is not a trace id: Zipkin's are 16 or 32 hex characters.`);
    }
    const endpoint = `${this.url}/api/v2/trace/${id}`;
    const body = await this.get(endpoint, { notFound: [] });
    return parseSpans(body, endpoint);
  }

  private async get(endpoint: string, { notFound }: { notFound?: unknown } = {}): Promise<unknown> {
    let response: Response;
    try {
      response = await fetch(endpoint, { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
    } catch (cause) {
      throw new LocalZipkinError(LocalZipkinErrorCode.QueryFailed, `${endpoint} did not answer: ${(cause as Error).message}`, 'Is the Zipkin server still running?', {
        cause,
      });
    }
    if (response.status === 404 && notFound !== undefined) return notFound;
    if (!response.ok) {
      const text = (await response.text().catch(() => '')).slice(0, 200);
      throw new LocalZipkinError(LocalZipkinErrorCode.QueryFailed, `${endpoint} answered ${response.status}${text ? `: ${text}` : ''}`);
    }
    try {
      return await response.json();
    } catch (cause) {
      throw new LocalZipkinError(LocalZipkinErrorCode.UnexpectedAnswer, `${endpoint} answered ${response.status} with a body that is not JSON`, undefined, { cause });
    }
  }
}
