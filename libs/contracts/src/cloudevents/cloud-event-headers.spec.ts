import { isPoison, isRetriable } from '@eventline/errors';
import { ContractError, ContractErrorCode } from '../errors/contract.error';
import { CloudEventHeader } from './cloud-event-header';
import { buildCloudEventHeaders } from './cloud-event-headers.builder';
import { parseCloudEventHeaders, type RecordHeaders } from './cloud-event-headers.parser';

const TRACEPARENT = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';

function built(): Record<string, string> {
  return buildCloudEventHeaders({
    id: 'evt-1',
    type: 'dev.eventline.orders.OrderPlaced',
    source: '/eventline/checkout',
    time: new Date(Date.UTC(2025, 0, 2, 3, 4, 5, 678)),
    traceparent: TRACEPARENT,
  }) as Record<string, string>;
}

/** Headers as kafkajs delivers them: Buffers. */
function asDelivered(headers: Record<string, string | undefined>): RecordHeaders {
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, v === undefined ? undefined : Buffer.from(v)]));
}

describe('buildCloudEventHeaders', () => {
  it('writes the binary-mode headers with an RFC 3339 UTC time', () => {
    expect(built()).toEqual({
      ce_specversion: '1.0',
      ce_id: 'evt-1',
      ce_type: 'dev.eventline.orders.OrderPlaced',
      ce_source: '/eventline/checkout',
      ce_time: '2025-01-02T03:04:05.678Z',
      'content-type': 'application/avro',
      traceparent: TRACEPARENT,
    });
  });

  it('leaves traceparent out when there is no trace', () => {
    const headers = buildCloudEventHeaders({ id: 'a', type: 't', source: '/s' });
    expect(headers).not.toHaveProperty(CloudEventHeader.TraceParent);
    expect(Date.parse(headers.ce_time!)).not.toBeNaN();
  });

  it('stamps each event with its own time when times alternate between milliseconds', () => {
    const times = [0, 1, 1, 0, 86_400_000, 86_400_000, 1].map((ms) => new Date(Date.UTC(2025, 0, 2) + ms));
    const stamped = times.map((time) => buildCloudEventHeaders({ id: 'a', type: 't', source: '/s', time }).ce_time);
    expect(stamped).toEqual(times.map((time) => time.toISOString()));
  });

  it('refuses an invalid time', () => {
    expect(() => buildCloudEventHeaders({ id: 'a', type: 't', source: '/s', time: new Date(Number.NaN) })).toThrow('invalid Date');
  });

  it.each(['id', 'type', 'source'] as const)('refuses an empty %s', (attribute) => {
    expect(() => buildCloudEventHeaders({ id: 'a', type: 't', source: '/s', [attribute]: '' })).toThrow(attribute);
  });
});

describe('parseCloudEventHeaders', () => {
  it('reads back what the builder wrote, from Buffers as kafkajs delivers them', () => {
    expect(parseCloudEventHeaders(asDelivered(built()))).toEqual({
      specversion: '1.0',
      id: 'evt-1',
      type: 'dev.eventline.orders.OrderPlaced',
      source: '/eventline/checkout',
      time: '2025-01-02T03:04:05.678Z',
      datacontenttype: 'application/avro',
      traceparent: TRACEPARENT,
    });
  });

  it.each([
    ['ce_specversion missing', { ce_specversion: undefined }, ContractErrorCode.HeaderMissing, 'ce_specversion'],
    ['ce_id missing', { ce_id: undefined }, ContractErrorCode.HeaderMissing, 'ce_id'],
    ['ce_id empty', { ce_id: '' }, ContractErrorCode.HeaderMissing, 'ce_id'],
    ['ce_type missing', { ce_type: undefined }, ContractErrorCode.HeaderMissing, 'ce_type'],
    ['ce_source missing', { ce_source: undefined }, ContractErrorCode.HeaderMissing, 'ce_source'],
    ['content-type missing', { 'content-type': undefined }, ContractErrorCode.HeaderMissing, 'content-type'],
    ['specversion 0.3', { ce_specversion: '0.3' }, ContractErrorCode.HeaderInvalid, 'ce_specversion'],
    ['content-type JSON', { 'content-type': 'application/json' }, ContractErrorCode.HeaderInvalid, 'content-type'],
    ['ce_time not RFC 3339', { ce_time: '02/01/2025 03:04' }, ContractErrorCode.HeaderInvalid, 'ce_time'],
    ['ce_time impossible date', { ce_time: '2025-13-45T99:00:00Z' }, ContractErrorCode.HeaderInvalid, 'ce_time'],
  ])('%s is poison naming the header', (_case, change, code, header) => {
    const headers = asDelivered({ ...built(), ...change });
    const error = catchError(() => parseCloudEventHeaders(headers));
    expect(error).toBeInstanceOf(ContractError);
    expect(error).toMatchObject({ code, header, poison: true, retriable: false });
    expect(isPoison(error)).toBe(true);
    expect(isRetriable(error)).toBe(false);
  });

  it('treats a repeated ce_type header as invalid rather than picking one', () => {
    const headers = { ...asDelivered(built()), ce_type: [Buffer.from('a'), Buffer.from('b')] };
    expect(() => parseCloudEventHeaders(headers)).toThrow(expect.objectContaining({ code: ContractErrorCode.HeaderInvalid }));
  });

  it('accepts a record without ce_time and content-type parameters', () => {
    const attrs = parseCloudEventHeaders(asDelivered({ ...built(), ce_time: undefined, 'content-type': 'Application/Avro; v=1' }));
    expect(attrs).not.toHaveProperty('time');
    expect(attrs.datacontenttype).toBe('application/avro');
  });

  it('drops a malformed traceparent instead of rejecting the event', () => {
    const attrs = parseCloudEventHeaders(asDelivered({ ...built(), traceparent: 'not-a-trace' }));
    expect(attrs).not.toHaveProperty('traceparent');
  });

  it('rejects a type the consumer does not know when asked to', () => {
    const error = catchError(() => parseCloudEventHeaders(asDelivered(built()), { isKnownType: () => false }));
    expect(error).toMatchObject({ code: ContractErrorCode.UnknownEventType, poison: true });
  });

  it('reports missing headers on a record without any', () => {
    expect(() => parseCloudEventHeaders(undefined)).toThrow(/ce_specversion/);
  });
});

function catchError(fn: () => unknown): unknown {
  try {
    fn();
  } catch (err) {
    return err;
  }
  throw new Error('expected a throw');
}
