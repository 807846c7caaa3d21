import { AVRO_CONTENT_TYPE, CLOUDEVENTS_SPEC_VERSION, CloudEventHeader, type RecordHeaders } from '@eventline/contracts';

const SPEC_VERSION = Buffer.from(CLOUDEVENTS_SPEC_VERSION);
const CONTENT_TYPE = Buffer.from(AVRO_CONTENT_TYPE);
// Module constants: an imported binding is a getter call in CommonJS output, per use.
const { SpecVersion: SPEC_VERSION_HEADER, Id: ID_HEADER, Source: SOURCE_HEADER, ContentType: CONTENT_TYPE_HEADER, Type: TYPE_HEADER, Time: TIME_HEADER } = CloudEventHeader;

/**
 * The consumer's per-record shortcut past `parseCloudEventHeaders`: reads the event type of a
 * record whose CloudEvents headers are in the exact shape Eventline's publisher writes (one
 * Buffer per header, `1.0`, `application/avro`, an upper-case UTC or offset `ce_time`)
 * comparing bytes instead of building a string per header and running two regular
 * expressions. Anything else — a missing, repeated, string-valued or unusual header, an
 * unknown type — answers undefined, and the caller runs the full parser, which stays the
 * rule (and writes the poison error). So this accepts a subset of what the parser accepts,
 * never more: `cloud-event-type.reader.spec.ts` checks both on the same table.
 */
export class CloudEventTypeReader {
  // The type of consecutive records is usually the same: its string is built once.
  private lastTypeBytes: Buffer = Buffer.alloc(0);
  private lastType = '';

  constructor(private readonly isKnownType: (type: string) => boolean) {}

  typeOf(headers: RecordHeaders | undefined): string | undefined {
    if (!headers) return undefined;
    const spec = headers[SPEC_VERSION_HEADER];
    const id = headers[ID_HEADER];
    const source = headers[SOURCE_HEADER];
    const contentType = headers[CONTENT_TYPE_HEADER];
    const type = headers[TYPE_HEADER];
    const time = headers[TIME_HEADER];
    if (!(spec instanceof Buffer) || !sameBytes(spec, SPEC_VERSION)) return undefined;
    if (!(contentType instanceof Buffer) || !sameBytes(contentType, CONTENT_TYPE)) return undefined;
    if (!(id instanceof Buffer) || id.length === 0 || !(source instanceof Buffer) || source.length === 0) return undefined;
    if (time !== undefined && !(time instanceof Buffer && isPlainRfc3339(time))) return undefined;
    if (!(type instanceof Buffer) || type.length === 0) return undefined;
    if (!sameBytes(type, this.lastTypeBytes)) {
      const name = type.toString('utf8');
      if (!this.isKnownType(name)) return undefined;
      // A copy: keeping the header slice would keep the whole fetch response in memory.
      this.lastTypeBytes = Buffer.from(type);
      this.lastType = name;
    }
    return this.lastType;
  }
}

function sameBytes(a: Buffer, b: Buffer): boolean {
  const n = a.length;
  if (n !== b.length) return false;
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return false;
  return true;
}

const ZERO = 48;
const digit = (b: Buffer, i: number): number => {
  const d = b[i] - ZERO;
  return d >= 0 && d <= 9 ? d : -100;
};
const twoDigits = (b: Buffer, i: number): number => digit(b, i) * 10 + digit(b, i + 1);

/**
 * `YYYY-MM-DDTHH:MM:SS[.fraction]` followed by `Z` or `±HH:MM`, with every field in its
 * range (seconds without a leap second, fractions of 1–9 digits): a form the parser's RFC 3339
 * expression matches and `Date.parse` always reads. Other valid forms (lower-case `t`/`z`,
 * leap seconds, long fractions) are left to the parser.
 */
export function isPlainRfc3339(b: Buffer): boolean {
  const n = b.length;
  if (n < 20) return false;
  if (digit(b, 0) < 0 || digit(b, 1) < 0 || digit(b, 2) < 0 || digit(b, 3) < 0) return false;
  if (b[4] !== 45 || b[7] !== 45 || b[10] !== 84 || b[13] !== 58 || b[16] !== 58) return false; // - - T : :
  const month = twoDigits(b, 5);
  const day = twoDigits(b, 8);
  const hour = twoDigits(b, 11);
  const minute = twoDigits(b, 14);
  const second = twoDigits(b, 17);
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) return false;
  let i = 19;
  if (b[i] === 46) {
    // '.' and 1–9 digits
    const from = ++i;
    while (i < n && digit(b, i) >= 0) i++;
    if (i === from || i - from > 9) return false;
  }
  if (i === n - 1) return b[i] === 90; // 'Z'
  if (i !== n - 6 || (b[i] !== 43 && b[i] !== 45) || b[i + 3] !== 58) return false; // '+' or '-', ':'
  const offsetHours = twoDigits(b, i + 1);
  const offsetMinutes = twoDigits(b, i + 4);
  return offsetHours >= 0 && offsetHours <= 23 && offsetMinutes >= 0 && offsetMinutes <= 59;
}
