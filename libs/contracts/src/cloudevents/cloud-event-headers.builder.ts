import {
  AVRO_CONTENT_TYPE,
  CLOUDEVENTS_SPEC_VERSION,
  CloudEventHeader,
} from './cloud-event-header';

export interface CloudEventHeaderInput {
  /** Unique per event; consumers deduplicate on (source, id). */
  readonly id: string;
  readonly type: string;
  /** URI-reference naming the producer, e.g. `/eventline/checkout`. */
  readonly source: string;
  /** Defaults to now. */
  readonly time?: Date;
  readonly traceparent?: string;
}

/** Record headers in the shape kafkajs takes (`IHeaders` accepts string values). */
export type CloudEventRecordHeaders = Partial<Record<CloudEventHeader, string>>;

// Publishers stamp many events within one millisecond: format each millisecond once.
let lastMs = Number.NaN;
let lastIso = '';

function rfc3339(ms: number, time: Date): string {
  if (ms !== lastMs) {
    // toISOString is RFC 3339 in UTC with millisecond precision.
    lastIso = time.toISOString();
    lastMs = ms;
  }
  return lastIso;
}

function requireAttribute(name: 'id' | 'type' | 'source', value: string): void {
  if (!value) throw new TypeError(`CloudEvents attribute "${name}" must be a non-empty string`);
}

/** Binary-mode headers for one Avro event. Throws on empty attributes: that is a bug in the caller. */
export function buildCloudEventHeaders(input: CloudEventHeaderInput): CloudEventRecordHeaders {
  requireAttribute('id', input.id);
  requireAttribute('type', input.type);
  requireAttribute('source', input.source);
  const time = input.time ?? new Date();
  const ms = time.getTime();
  if (Number.isNaN(ms)) throw new TypeError('CloudEvents attribute "time" is an invalid Date');
  const headers: CloudEventRecordHeaders = {
    [CloudEventHeader.SpecVersion]: CLOUDEVENTS_SPEC_VERSION,
    [CloudEventHeader.Id]: input.id,
    [CloudEventHeader.Type]: input.type,
    [CloudEventHeader.Source]: input.source,
    [CloudEventHeader.Time]: rfc3339(ms, time),
    [CloudEventHeader.ContentType]: AVRO_CONTENT_TYPE,
  };
  if (input.traceparent) headers[CloudEventHeader.TraceParent] = input.traceparent;
  return headers;
}
