/**
 * Expected: `eventline tail` prints one JSON line per record: Avro values decoded through a
 * real schema registry (longs as strings), while a value that is not Avro and one with an
 * unknown schema id come out as base64 with a `decodeError` — the tail does not stop.
 * --type and --max narrow the output; without --follow it ends at the end seen at start.
 */
import { randomUUID } from 'node:crypto';
import { AvroCodec, CodecMode, ConfluentSchemaRegistryClient } from '@eventline/codec';
import { buildCloudEventHeaders, EventCatalog, type OrderPaid } from '@eventline/contracts';
import { startSchemaRegistry, type SchemaRegistryProcess } from '@eventline/testing';
import { CliTestKit, runCli } from './cli-test-kit';

const ORDER_PAID = 'dev.eventline.orders.OrderPaid';

describe('tail', () => {
  const kit = new CliTestKit();
  let registry: SchemaRegistryProcess;

  beforeAll(async () => {
    registry = await startSchemaRegistry();
  }, 60_000);
  afterAll(async () => {
    await kit.cleanup();
    await registry?.stop();
  });

  it('decodes Avro to JSON lines and shows undecodable records as base64 with the reason', async () => {
    const topic = await kit.topics.create('tail', 1);
    const codec = new AvroCodec({ registry: new ConfluentSchemaRegistryClient({ host: registry.url }), mode: CodecMode.Development });
    const encoder = await codec.encoderFor<OrderPaid>({ subject: `${topic}-${ORDER_PAID}`, schema: EventCatalog[ORDER_PAID].schema });
    const paid: OrderPaid = { orderId: 'o1', paymentId: 'p1', amountMinor: 9_007_199_254_740_993n, currency: 'EUR', method: 'CARD', paidAt: 1_700_000_000_000 };
    const good = encoder.encode(paid);
    const unknownId = Buffer.concat([Buffer.from([0, 0x7f, 0xff, 0xff, 0xf0]), good.subarray(5)]);
    const headers = buildCloudEventHeaders({ id: randomUUID(), type: ORDER_PAID, source: '/test' });
    await kit.produce(topic, [
      { key: 'o1', value: good, headers },
      { key: 'o2', value: Buffer.from('not avro at all') },
      { key: 'o3', value: unknownId, headers },
    ]);

    const run = await runCli(['tail', topic], { SCHEMA_REGISTRY_URL: registry.url });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split('\n').map((line) => JSON.parse(line));
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatchObject({
      partition: 0,
      offset: '0',
      key: 'o1',
      headers: { ce_type: ORDER_PAID },
      value: { orderId: 'o1', amountMinor: '9007199254740993', currency: 'EUR' },
    });
    expect(lines[1]).toMatchObject({ key: 'o2', valueBase64: Buffer.from('not avro at all').toString('base64'), decodeError: { code: 'CODEC_BAD_MAGIC_BYTE' } });
    expect(lines[2]).toMatchObject({ key: 'o3', decodeError: { code: 'CODEC_UNKNOWN_SCHEMA_ID' } });

    const typed = await runCli(['tail', topic, '--type', ORDER_PAID, '--max', '1', '--registry', registry.url]);
    expect(typed.stdout.trim().split('\n').map((line) => JSON.parse(line).key)).toEqual(['o1']);
  });
});
