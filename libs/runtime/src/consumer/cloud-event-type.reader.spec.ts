import { buildCloudEventHeaders, parseCloudEventHeaders, type RecordHeaders } from '@eventline/contracts';
import { CloudEventTypeReader, isPlainRfc3339 } from './cloud-event-type.reader';

const TYPE = 'dev.eventline.orders.OrderPlaced';
const isKnownType = (type: string) => type === TYPE || type === 'dev.eventline.orders.OrderPaid';

/** Headers as kafkajs hands them to a consumer: one Buffer per header. */
function asConsumed(headers: Record<string, unknown>): RecordHeaders {
  const out: Record<string, Buffer | Buffer[]> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    out[name] = Array.isArray(value) ? value.map((v) => Buffer.from(String(v))) : Buffer.from(String(value));
  }
  return out;
}

const published = () => buildCloudEventHeaders({ id: 'evt-1', type: TYPE, source: '/orders', time: new Date(Date.UTC(2025, 0, 2, 3, 4, 5, 6)) }) as Record<string, unknown>;
const parserType = (headers: RecordHeaders): string | Error => {
  try {
    return parseCloudEventHeaders(headers, { isKnownType }).type;
  } catch (error) {
    return error as Error;
  }
};

describe('CloudEventTypeReader', () => {
  // Each case: the headers, and whether the shortcut reads them (else the full parser decides).
  const cases: Array<[string, Record<string, unknown> | RecordHeaders, boolean]> = [
    ['what the publisher writes', published(), true],
    ['no ce_time (optional)', { ...published(), ce_time: undefined }, true],
    ['ce_time with an offset', { ...published(), ce_time: '2025-01-02T03:04:05+02:00' }, true],
    ['ce_time without a fraction', { ...published(), ce_time: '2025-01-02T03:04:05Z' }, true],
    ['ce_time with lower-case t and z (valid: left to the parser)', { ...published(), ce_time: '2025-01-02t03:04:05z' }, false],
    ['ce_time with a 12-digit fraction (valid: left to the parser)', { ...published(), ce_time: '2025-01-02T03:04:05.123456789012Z' }, false],
    ['ce_time month 13', { ...published(), ce_time: '2025-13-02T03:04:05Z' }, false],
    ['ce_time second 60', { ...published(), ce_time: '2025-01-02T03:04:60Z' }, false],
    ['ce_time not a timestamp', { ...published(), ce_time: 'yesterday' }, false],
    ['ce_time offset hour 24', { ...published(), ce_time: '2025-01-31T23:59:59+24:00' }, false],
    ['content-type with a parameter (valid: left to the parser)', { ...published(), 'content-type': 'application/avro; charset=binary' }, false],
    ['content-type JSON', { ...published(), 'content-type': 'application/json' }, false],
    ['specversion 0.3', { ...published(), ce_specversion: '0.3' }, false],
    ['no ce_id', { ...published(), ce_id: undefined }, false],
    ['empty ce_source', { ...published(), ce_source: '' }, false],
    ['no ce_type', { ...published(), ce_type: undefined }, false],
    ['unknown ce_type', { ...published(), ce_type: 'dev.eventline.orders.Nope' }, false],
    ['ce_type twice', { ...published(), ce_type: [TYPE, TYPE] }, false],
    ['another known type', { ...published(), ce_type: 'dev.eventline.orders.OrderPaid' }, true],
  ];

  it.each(cases)('%s', (_name, raw, readByShortcut) => {
    const headers = asConsumed(raw as Record<string, unknown>);
    const read = new CloudEventTypeReader(isKnownType).typeOf(headers);
    const parsed = parserType(headers);
    if (readByShortcut) {
      expect(read).toBe(parsed);
    } else {
      expect(read).toBeUndefined();
    }
  });

  it('leaves string-valued headers (not what kafkajs hands over) to the parser', () => {
    expect(new CloudEventTypeReader(isKnownType).typeOf(published() as RecordHeaders)).toBeUndefined();
  });

  it('answers each record with its own type when consecutive types differ', () => {
    const reader = new CloudEventTypeReader(isKnownType);
    const types = [TYPE, 'dev.eventline.orders.OrderPaid', 'dev.eventline.orders.OrderPaid', TYPE];
    expect(types.map((type) => reader.typeOf(asConsumed({ ...published(), ce_type: type })))).toEqual(types);
  });

  it('never accepts a timestamp the parser refuses (every field at and past its bounds)', () => {
    const fields: Array<[number, number, string[]]> = [
      [5, 2, ['00', '01', '12', '13', '1a']],
      [8, 2, ['00', '01', '28', '29', '30', '31', '32']],
      [11, 2, ['00', '23', '24']],
      [14, 2, ['00', '59', '60']],
      [17, 2, ['00', '59', '60']],
    ];
    const base = '2024-02-29T12:30:45.5Z';
    for (const [at, width, values] of fields) {
      for (const value of values) {
        for (const suffix of ['.5Z', 'Z', '+00:00', '-23:59', '+24:00', '+01:60', '.Z', '.1234567890Z']) {
          const time = `${base.slice(0, at)}${value}${base.slice(at + width, 19)}${suffix}`;
          const headers = asConsumed({ ...published(), ce_time: time });
          if (isPlainRfc3339(Buffer.from(time))) expect([time, parserType(headers)]).toEqual([time, TYPE]);
        }
      }
    }
  });
});
