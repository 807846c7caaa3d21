import { AvroCodec, CodecMode, type AvroEncoder } from '@eventline/codec';
import { EventCatalog } from '@eventline/contracts';
import { buildOutgoingRecord } from './outgoing-record';
import { PublishErrorCode } from './publish.error';
import { InMemorySchemaRegistry } from './testing/in-memory-schema-registry';
import { ORDER_PAID, orderPaid } from './testing/publisher-fixture';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('buildOutgoingRecord', () => {
  let encoder: AvroEncoder<unknown>;
  const context = { topic: 'orders-physical', source: '/eventline/spec', newId: () => crypto.randomUUID() };

  beforeAll(async () => {
    const codec = new AvroCodec({ registry: new InMemorySchemaRegistry(), mode: CodecMode.Development });
    const entry = EventCatalog[ORDER_PAID];
    encoder = await codec.encoderFor({ subject: entry.subject, schema: entry.schema });
  });

  it('carries the binary-mode CloudEvents headers, keyed by the catalog key field', () => {
    const time = new Date('2025-03-04T05:06:07.089Z');
    const record = buildOutgoingRecord(ORDER_PAID, orderPaid('order-7'), { id: 'evt-1', time }, encoder, context);
    expect(record).toMatchObject({ id: 'evt-1', type: ORDER_PAID, topic: 'orders-physical', key: 'order-7' });
    expect(record.headers).toEqual({
      ce_specversion: '1.0',
      ce_id: 'evt-1',
      ce_type: ORDER_PAID,
      ce_source: '/eventline/spec',
      ce_time: '2025-03-04T05:06:07.089Z',
      'content-type': 'application/avro',
    });
  });

  it.each([
    ['no options', undefined, { ce_id: expect.stringMatching(UUID_V4) }, 'order-1'],
    ['a traceparent', { traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01' }, { traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01' }, 'order-1'],
    ['a key override', { key: 'tenant-9' }, {}, 'tenant-9'],
    ['extra headers', { headers: { tenant: 't-1' } }, { tenant: 't-1' }, 'order-1'],
    ['an extra header that tries to replace ce_type', { headers: { ce_type: 'evil' } }, { ce_type: ORDER_PAID }, 'order-1'],
  ] as const)('with %s', (_name, options, expectedHeaders, expectedKey) => {
    const record = buildOutgoingRecord(ORDER_PAID, orderPaid('order-1'), options, encoder, context);
    expect(record.headers).toMatchObject(expectedHeaders);
    expect(record.key).toBe(expectedKey);
    expect('traceparent' in record.headers).toBe(Boolean(options && 'traceparent' in options));
  });

  it('encodes the value in the Confluent wire format (magic byte 0, then the schema id)', () => {
    const record = buildOutgoingRecord(ORDER_PAID, orderPaid('order-1'), undefined, encoder, context);
    expect(record.value[0]).toBe(0);
    expect(record.value.readInt32BE(1)).toBe(encoder.schemaId);
    expect(record.size).toBeGreaterThan(record.value.length);
  });

  it.each([
    ['a field of the wrong type', { ...orderPaid('o'), amountMinor: 'lots' }, PublishErrorCode.InvalidPayload, 'amountMinor'],
    ['a missing key field', { ...orderPaid('o'), orderId: undefined }, PublishErrorCode.InvalidPayload, 'orderId'],
    ['an enum symbol not in the schema', { ...orderPaid('o'), method: 'CASH' }, PublishErrorCode.InvalidPayload, 'method'],
  ])('refuses %s, naming the field', (_name, payload, code, field) => {
    expect(() => buildOutgoingRecord(ORDER_PAID, payload, undefined, encoder, context)).toThrow(
      expect.objectContaining({ code, retriable: false, paths: expect.arrayContaining([expect.stringContaining(field)]) }),
    );
  });

  it.each([
    ['an empty id', { id: '' }],
    ['an invalid time', { time: new Date('not a date') }],
  ])('refuses %s as invalid options', (_name, options) => {
    expect(() => buildOutgoingRecord(ORDER_PAID, orderPaid('o'), options, encoder, context)).toThrow(
      expect.objectContaining({ code: PublishErrorCode.InvalidOptions, retriable: false }),
    );
  });
});
