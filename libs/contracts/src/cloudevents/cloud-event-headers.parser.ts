import { ContractError, ContractErrorCode } from '../errors/contract.error';
import {
  AVRO_CONTENT_TYPE,
  CLOUDEVENTS_SPEC_VERSION,
  CloudEventHeader,
  REQUIRED_CLOUD_EVENT_HEADERS,
  type CloudEventAttributes,
} from './cloud-event-header';

/** Headers as kafkajs hands them to a consumer (`IHeaders`). */
export type RecordHeaders = Readonly<Record<string, Buffer | string | readonly (Buffer | string)[] | undefined>>;

export interface ParseCloudEventOptions {
  /** Accept only these types (e.g. the catalog's); an unknown type is poison for this consumer. */
  readonly isKnownType?: (type: string) => boolean;
}

const RFC3339 = /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:[Zz]|[+-]\d{2}:\d{2})$/;
// W3C Trace Context version 00: version-traceid-parentid-flags, all lower-case hex.
const TRACEPARENT = /^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$/;

/**
 * The CloudEvents context of a record, or a poison `ContractError` naming the first header
 * that is missing or wrong. A malformed `traceparent` is dropped rather than rejected: Trace
 * Context says to start a new trace then, and tracing must never cost us an event.
 */
export function parseCloudEventHeaders(
  headers: RecordHeaders | undefined,
  options: ParseCloudEventOptions = {},
): CloudEventAttributes {
  const values = new Map<string, string>();
  for (const name of REQUIRED_CLOUD_EVENT_HEADERS) {
    const value = single(headers, name);
    if (value === undefined || value === '') {
      throw new ContractError(ContractErrorCode.HeaderMissing, `record has no ${name} header`, name);
    }
    values.set(name, value);
  }
  const specversion = values.get(CloudEventHeader.SpecVersion);
  if (specversion !== CLOUDEVENTS_SPEC_VERSION) {
    throw invalid(CloudEventHeader.SpecVersion, `is "${specversion}", expected "${CLOUDEVENTS_SPEC_VERSION}"`);
  }
  const contentType = values.get(CloudEventHeader.ContentType)!;
  // Media types are case-insensitive and may carry parameters (`; charset=…` is meaningless here but legal).
  if (contentType.split(';')[0].trim().toLowerCase() !== AVRO_CONTENT_TYPE) {
    throw invalid(CloudEventHeader.ContentType, `is "${contentType}", expected "${AVRO_CONTENT_TYPE}"`);
  }
  const type = values.get(CloudEventHeader.Type)!;
  if (options.isKnownType && !options.isKnownType(type)) {
    throw new ContractError(
      ContractErrorCode.UnknownEventType,
      `${CloudEventHeader.Type} "${type}" is not an event type this consumer knows`,
      CloudEventHeader.Type,
    );
  }
  const time = single(headers, CloudEventHeader.Time);
  if (time !== undefined && (!RFC3339.test(time) || Number.isNaN(Date.parse(time)))) {
    throw invalid(CloudEventHeader.Time, `"${time}" is not an RFC 3339 timestamp`);
  }
  const traceparent = single(headers, CloudEventHeader.TraceParent);
  return {
    specversion: CLOUDEVENTS_SPEC_VERSION,
    id: values.get(CloudEventHeader.Id)!,
    type,
    source: values.get(CloudEventHeader.Source)!,
    ...(time !== undefined ? { time } : {}),
    datacontenttype: AVRO_CONTENT_TYPE,
    ...(traceparent !== undefined && TRACEPARENT.test(traceparent) ? { traceparent } : {}),
  };
}

function single(headers: RecordHeaders | undefined, name: string): string | undefined {
  const raw = headers?.[name];
  if (raw === undefined) return undefined;
  if (Array.isArray(raw)) {
    // kafkajs turns a repeated header into an array; two ids or two types cannot both be right.
    if (raw.length !== 1) throw invalid(name, `appears ${raw.length} times`);
    return String(raw[0]);
  }
  return Buffer.isBuffer(raw) ? raw.toString('utf8') : String(raw);
}

function invalid(header: string, problem: string): ContractError {
  return new ContractError(ContractErrorCode.HeaderInvalid, `header ${header} ${problem}`, header);
}
