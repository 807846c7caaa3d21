/**
 * Encode/decode throughput of our codec against raw avsc and against
 * @kafkajs/confluent-schema-registry, in one run on one payload (an OrderPlaced with three
 * line items). Registry answers are cached before timing, so this measures the per-record path.
 *
 *   SCHEMA_REGISTRY_URL=http://127.0.0.1:8081 npx nx run codec:bench
 *
 * Without SCHEMA_REGISTRY_URL the library peer is skipped (it cannot run without a registry);
 * our codec then uses an in-memory registry, which is never called on the timed path anyway.
 */
import { SchemaRegistry, SchemaType } from '@kafkajs/confluent-schema-registry';
import { EventCatalog } from '@eventline/contracts';
import avro from 'avsc';
import { AvroCodec, CodecMode, ConfluentSchemaRegistryClient, parseAvroType, type SchemaRegistryClient } from '../src';
import { FakeSchemaRegistryClient } from '../src/testing/fake-schema-registry.client';

const entry = EventCatalog['dev.eventline.orders.OrderPlaced'];
const subject = `bench-${entry.recordFullName}`;
const payload = {
  orderId: '0f8fad5b-d9cb-469f-a165-70867728950e',
  customerId: 'c-42',
  customerEmail: 'ada@example.com',
  lineItems: [
    { sku: 'SKU-1', quantity: 2, unitPriceMinor: 1250n },
    { sku: 'SKU-2', quantity: 1, unitPriceMinor: 990n },
    { sku: 'SKU-3', quantity: 5, unitPriceMinor: 199n },
  ],
  totalMinor: 4485n,
  currency: 'EUR',
  placedAt: Date.UTC(2025, 0, 2),
};
// The library parses with avsc defaults: long is a JS number there.
const numberPayload = { ...payload, lineItems: payload.lineItems.map((l) => ({ ...l, unitPriceMinor: Number(l.unitPriceMinor) })), totalMinor: 4485 };

const DURATION_MS = Number(process.env.BENCH_MS ?? 1_500);
let sink: unknown;

async function measure(label: string, fn: () => unknown | Promise<unknown>): Promise<number> {
  const isAsync = fn() instanceof Promise;
  for (let i = 0; i < 20_000; i++) sink = isAsync ? await fn() : fn(); // warm up the JIT
  let ops = 0;
  const start = process.hrtime.bigint();
  const deadline = start + BigInt(DURATION_MS) * 1_000_000n;
  while (process.hrtime.bigint() < deadline) {
    for (let i = 0; i < 1_000; i++) sink = isAsync ? await fn() : fn();
    ops += 1_000;
  }
  const perSec = ops / (Number(process.hrtime.bigint() - start) / 1e9);
  console.log(`  ${label.padEnd(44)} ${Math.round(perSec).toLocaleString('en-US').padStart(12)} ops/s`);
  return perSec;
}

async function main(): Promise<void> {
  const url = process.env.SCHEMA_REGISTRY_URL;
  let client: SchemaRegistryClient;
  if (url) {
    client = new ConfluentSchemaRegistryClient({ host: url });
  } else {
    const fake = new FakeSchemaRegistryClient();
    fake.add(subject, entry.schema);
    client = fake;
  }
  const codec = new AvroCodec({ registry: client, mode: url ? CodecMode.Development : CodecMode.Production });
  const encoder = await codec.encoderFor<typeof payload>({ subject, schema: entry.schema });
  const decoder = codec.decoderFor<typeof payload>(entry.schema);
  const framed = encoder.encode(payload);
  await decoder.decode(framed);

  const sameType = parseAvroType(entry.schema); // our type options (bigint long), no framing
  const defaultType = avro.Type.forSchema(entry.schema as unknown as avro.Schema); // avsc defaults (number long)
  const body = sameType.toBuffer(payload);
  const defaultBody = defaultType.toBuffer(numberPayload);

  console.log(`node ${process.version}, ${DURATION_MS} ms per measurement, ${framed.length}-byte record`);
  console.log('encode');
  const encRaw = await measure('raw avsc toBuffer (same type options)', () => sameType.toBuffer(payload));
  const encRawDefault = await measure('raw avsc toBuffer (avsc defaults)', () => defaultType.toBuffer(numberPayload));
  const encOurs = await measure('eventline AvroEncoder.encode', () => encoder.encode(payload));
  console.log('decode');
  const decRaw = await measure('raw avsc fromBuffer (same type options)', () => sameType.fromBuffer(body));
  const decRawDefault = await measure('raw avsc fromBuffer (avsc defaults)', () => defaultType.fromBuffer(defaultBody));
  const decOursAsync = await measure('eventline AvroDecoder.decode (async)', () => decoder.decode(framed));
  // What the runtime calls once a schema id is known (every record after the first of its schema).
  const decOurs = await measure('eventline AvroDecoder.decodeSync', () => decoder.decodeSync(framed));

  let lib: { enc: number; dec: number; decReader: number } | undefined;
  if (url) {
    const registry = new SchemaRegistry({ host: url });
    const { id } = await registry.register({ type: SchemaType.AVRO, schema: JSON.stringify(entry.schema) }, { subject: `${subject}-lib` });
    const libFramed = await registry.encode(id, numberPayload);
    await registry.decode(libFramed);
    console.log('@kafkajs/confluent-schema-registry');
    lib = {
      enc: await measure('encode(id, payload)', () => registry.encode(id, numberPayload)),
      dec: await measure('decode(buffer)', () => registry.decode(libFramed)),
      decReader: await measure('decode(buffer, { readerSchema })', () =>
        registry.decode(libFramed, { [SchemaType.AVRO]: { readerSchema: entry.schema as never } }),
      ),
    };
  } else {
    console.log('@kafkajs/confluent-schema-registry: skipped (set SCHEMA_REGISTRY_URL to a running registry to include it)');
  }

  const r = (a: number, b: number) => `${(a / b).toFixed(2)}x`;
  console.log('ratios');
  console.log(`  encode: eventline / raw avsc (same options) = ${r(encOurs, encRaw)}; / avsc defaults = ${r(encOurs, encRawDefault)}`);
  console.log(`  decode: eventline / raw avsc (same options) = ${r(decOurs, decRaw)}; / avsc defaults = ${r(decOurs, decRawDefault)}; async path ${r(decOursAsync, decRaw)}`);
  if (lib) {
    console.log(`  encode: eventline / library = ${r(encOurs, lib.enc)}`);
    console.log(`  decode: eventline / library = ${r(decOurs, lib.dec)} (writer schema), ${r(decOurs, lib.decReader)} (reader schema)`);
  }
  void sink;
}

main().catch((err: unknown) => {
  console.error(`bench failed: ${(err as Error).message}`);
  process.exitCode = 1;
});
