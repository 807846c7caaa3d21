/**
 * CloudEvents 1.0 Kafka protocol binding, binary content mode: the record value is the event
 * data as-is (our Confluent-framed Avro), every context attribute travels in a header named
 * `ce_<attribute>`, and `datacontenttype` maps to the plain `content-type` header.
 * `traceparent` is the W3C Trace Context header as OpenTelemetry's Kafka propagation
 * writes it, so traces cross the broker.
 */
export const CloudEventHeader = {
  SpecVersion: 'ce_specversion',
  Id: 'ce_id',
  Type: 'ce_type',
  Source: 'ce_source',
  Time: 'ce_time',
  ContentType: 'content-type',
  TraceParent: 'traceparent',
} as const;
export type CloudEventHeader = (typeof CloudEventHeader)[keyof typeof CloudEventHeader];

export const CLOUDEVENTS_SPEC_VERSION = '1.0';
export const AVRO_CONTENT_TYPE = 'application/avro';

/**
 * What a consumer refuses to process without. The spec makes `time` optional, and we accept
 * records without it (other producers may omit it) but reject a malformed one.
 * `content-type` is required by us, not by the spec: it is how we know the value is Avro.
 */
export const REQUIRED_CLOUD_EVENT_HEADERS = [
  CloudEventHeader.SpecVersion,
  CloudEventHeader.Id,
  CloudEventHeader.Type,
  CloudEventHeader.Source,
  CloudEventHeader.ContentType,
] as const;

/** The context of one event, as carried in its headers. */
export interface CloudEventAttributes {
  readonly specversion: typeof CLOUDEVENTS_SPEC_VERSION;
  readonly id: string;
  readonly type: string;
  readonly source: string;
  /** RFC 3339 timestamp, when the producer set one. */
  readonly time?: string;
  readonly datacontenttype: typeof AVRO_CONTENT_TYPE;
  readonly traceparent?: string;
}
