/**
 * @kafkajs/confluent-schema-registry, unmodified, registers, finds, encodes and decodes
 * against this registry exactly as against Confluent's.
 */
import { SchemaRegistry, SchemaType } from '@kafkajs/confluent-schema-registry';
import { deleteSchemaTopics, startSchemaRegistry, uniqueName, type SchemaRegistryProcess } from '@eventline/testing';

describe('@kafkajs/confluent-schema-registry against the registry', () => {
  let registry: SchemaRegistryProcess;
  let client: SchemaRegistry;

  beforeAll(async () => {
    registry = await startSchemaRegistry();
    client = new SchemaRegistry({ host: registry.url });
  });
  afterAll(async () => {
    await registry?.stop();
    if (registry) await deleteSchemaTopics([registry.topic]);
  });

  const order = (fields: Array<Record<string, unknown>>) =>
    JSON.stringify({ type: 'record', name: 'OrderPlaced', namespace: 'com.eventline', fields: [{ name: 'orderId', type: 'string' }, ...fields] });

  it('registers, looks up the id, and round-trips a message in the Confluent wire format', async () => {
    const subject = uniqueName('orders-value');
    const { id } = await client.register({ type: SchemaType.AVRO, schema: order([{ name: 'cents', type: 'long' }]) }, { subject });
    expect(id).toBeGreaterThan(0);
    expect(await client.getLatestSchemaId(subject)).toBe(id);
    expect(await client.getRegistryId(subject, 1)).toBe(id);
    expect(await client.getRegistryIdBySchema(subject, { type: SchemaType.AVRO, schema: order([{ name: 'cents', type: 'long' }]) })).toBe(id);

    const payload = await client.encode(id, { orderId: 'o-1', cents: 1250 });
    expect(payload[0]).toBe(0);
    expect(payload.readInt32BE(1)).toBe(id);
    // A fresh client has no cache: decode must fetch the schema by id from the registry.
    const fresh = new SchemaRegistry({ host: registry.url });
    expect(await fresh.decode(payload)).toEqual({ orderId: 'o-1', cents: 1250 });
  });

  it('evolves under the configured compatibility and refuses a breaking change', async () => {
    const subject = uniqueName('orders-evolve-value');
    await client.register({ type: SchemaType.AVRO, schema: order([]) }, { subject });
    const v2 = await client.register({ type: SchemaType.AVRO, schema: order([{ name: 'note', type: ['null', 'string'], default: null }]) }, { subject });
    expect(await client.getLatestSchemaId(subject)).toBe(v2.id);
    await expect(client.register({ type: SchemaType.AVRO, schema: order([{ name: 'cents', type: 'long' }]) }, { subject })).rejects.toThrow(
      /incompatible.*READER_FIELD_MISSING_DEFAULT_VALUE at \/fields\/cents/,
    );
  });
});
