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

/** Binary-mode headers for one Avro event. Throws on empty attributes: that is a bug in the caller. */
export function buildCloudEventHeaders(input: CloudEventHeaderInput): CloudEventRecordHeaders {
  for (const name of ['id', 'type', 'source'] as const) {
    if (!input[name]) throw new TypeError(`CloudEvents attribute "${name}" must be a non-empty string`);
  }
  const time = input.time ?? new Date();
  if (Number.isNaN(time.getTime())) throw new TypeError('CloudEvents attribute "time" is an invalid Date');
  const headers: CloudEventRecordHeaders = {
    [CloudEventHeader.SpecVersion]: CLOUDEVENTS_SPEC_VERSION,
    [CloudEventHeader.Id]: input.id,
    [CloudEventHeader.Type]: input.type,
    [CloudEventHeader.Source]: input.source,
    // toISOString is RFC 3339 in UTC with millisecond precision.
    [CloudEventHeader.Time]: time.toISOString(),
    [CloudEventHeader.ContentType]: AVRO_CONTENT_TYPE,
  };
  if (input.traceparent) headers[CloudEventHeader.TraceParent] = input.traceparent;
  return headers;
}
