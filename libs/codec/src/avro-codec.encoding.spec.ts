import { EventCatalog } from '@eventline/contracts';
import { AvroCodec } from './avro-codec';
import { CodecMode } from './codec-mode';
import { CodecErrorCode } from './errors/codec.error';
import { catalogBindings, EventCodec } from './event-codec';
import { FakeSchemaRegistryClient } from './testing/fake-schema-registry.client';
import { MAGIC_BYTE, readSchemaId } from './wire/confluent-wire-format';

const placed = {
  orderId: 'o-1',
  customerId: 'c-1',
  customerEmail: 'ada@example.com',
  lineItems: [
    { sku: 'SKU-1', quantity: 2, unitPriceMinor: 1250n },
    { sku: 'SKU-2', quantity: 1, unitPriceMinor: 990n },
  ],
  totalMinor: 3490n,
  currency: 'EUR',
  placedAt: Date.UTC(2025, 0, 2),
};

function registered() {
  const registry = new FakeSchemaRegistryClient();
  for (const b of catalogBindings()) registry.add(b.subject, b.schema);
  return registry;
}

describe('EventCodec encoding', () => {
  it('frames the body with magic byte 0 and the big-endian schema id', async () => {
    const registry = registered();
    const codec = new EventCodec(new AvroCodec({ registry, mode: CodecMode.Production }));
    const bytes = await codec.encode('dev.eventline.orders.OrderPlaced', placed);
    const id = await registry.lookupSchemaId(EventCatalog['dev.eventline.orders.OrderPlaced'].subject, JSON.stringify(EventCatalog['dev.eventline.orders.OrderPlaced'].schema));
    expect(bytes[0]).toBe(MAGIC_BYTE);
    expect(readSchemaId(bytes)).toBe(id);
    await expect(codec.decode('dev.eventline.orders.OrderPlaced', bytes)).resolves.toEqual(placed);
  });

  it.each<[string, (p: typeof placed) => unknown, string]>([
    ['a number where a bigint long belongs', (p) => ({ ...p, totalMinor: 3490 }), 'totalMinor: expected long (bigint)'],
    ['a bad line item', (p) => ({ ...p, lineItems: [p.lineItems[0], { ...p.lineItems[1], quantity: '1' }] }), 'lineItems.1.quantity: expected int'],
    ['a missing field', ({ currency: _c, ...rest }) => rest, 'currency: expected string'],
  ])('rejects %s, naming the field path', async (_case, mutate, path) => {
    const codec = new EventCodec(new AvroCodec({ registry: registered(), mode: CodecMode.Production }));
    const encoder = await codec.encoderFor('dev.eventline.orders.OrderPlaced');
    const payload = mutate(placed) as typeof placed;
    expect(encoder.validate(payload)).toContain(path);
    expect(() => encoder.encode(payload)).toThrow(
      expect.objectContaining({ code: CodecErrorCode.InvalidPayload, poison: false, retriable: false, paths: [path] }),
    );
  });

  it('grows past its scratch buffer for large payloads', async () => {
    const codec = new EventCodec(new AvroCodec({ registry: registered(), mode: CodecMode.Production }));
    const big = { ...placed, lineItems: Array.from({ length: 10_000 }, (_, i) => ({ sku: `SKU-${i}`, quantity: i, unitPriceMinor: BigInt(i) })) };
    const bytes = await codec.encode('dev.eventline.orders.OrderPlaced', big);
    expect(bytes.length).toBeGreaterThan(64 * 1024);
    await expect(codec.decode('dev.eventline.orders.OrderPlaced', bytes)).resolves.toEqual(big);
  });
});

describe('registration by mode', () => {
  it('production never registers: an unregistered schema fails naming its subject', async () => {
    const registry = new FakeSchemaRegistryClient();
    const codec = new EventCodec(new AvroCodec({ registry, mode: CodecMode.Production }));
    await expect(codec.encoderFor('dev.eventline.orders.OrderPaid')).rejects.toMatchObject({
      code: CodecErrorCode.SchemaNotRegistered,
      subject: 'orders-dev.eventline.orders.OrderPaid',
    });
    expect(registry.calls.register).toBe(0);
  });

  it('development registers on first use, once', async () => {
    const registry = new FakeSchemaRegistryClient();
    const codec = new EventCodec(new AvroCodec({ registry, mode: CodecMode.Development }));
    await codec.encode('dev.eventline.orders.OrderPlaced', placed);
    await codec.encode('dev.eventline.orders.OrderPlaced', placed);
    expect(registry.calls.register).toBe(1);
  });

  it('assertRegistered names every missing subject and nothing else', async () => {
    const registry = registered();
    const fresh = new FakeSchemaRegistryClient();
    for (const b of catalogBindings()) if (!b.subject.includes('Shipment') && !b.subject.includes('OrderCancelled')) fresh.add(b.subject, b.schema);
    await expect(new EventCodec(new AvroCodec({ registry, mode: CodecMode.Production })).assertRegistered()).resolves.toBeUndefined();
    const err = await new EventCodec(new AvroCodec({ registry: fresh, mode: CodecMode.Production })).assertRegistered().catch((e: Error) => e);
    expect(err).toMatchObject({ code: CodecErrorCode.SchemaNotRegistered });
    expect((err as Error).message).toContain('shipments-dev.eventline.shipments.ShipmentScheduled');
    expect((err as Error).message).toContain('orders-dev.eventline.orders.OrderCancelled');
    expect((err as Error).message).not.toContain('OrderPlaced');
  });

  it('assertRegistered does not register, even in development', async () => {
    const registry = new FakeSchemaRegistryClient();
    await expect(new EventCodec(new AvroCodec({ registry, mode: CodecMode.Development })).assertRegistered()).rejects.toMatchObject({
      code: CodecErrorCode.SchemaNotRegistered,
    });
    expect(registry.calls.register).toBe(0);
  });

  it('refuses a mode it does not know', () => {
    expect(() => new AvroCodec({ registry: new FakeSchemaRegistryClient(), mode: 'prod' as CodecMode })).toThrow(/production, development/);
  });
});
