import type { IHeaders, Message } from 'kafkajs';
import { AvroCodec, MAGIC_BYTE, parseAvroType, type AvroEncoder } from '@eventline/codec';
import { buildCloudEventHeaders, EventCatalog, subjectName, SubjectNameStrategy, type OrderPlaced } from '@eventline/contracts';

/** Every scenario moves this one event type, so every peer handles the same bytes. */
export const BENCH_EVENT_TYPE = 'dev.eventline.orders.OrderPlaced';
const entry = EventCatalog[BENCH_EVENT_TYPE];
const SOURCE = '/eventline/benchmarks';

/**
 * An OrderPlaced of about 200 bytes once framed (5-byte Confluent header + Avro body): three
 * line items and realistic identifiers. `i` varies the ids so records are not all identical.
 */
export function benchPayload(i: number): OrderPlaced {
  const n = i.toString(36).padStart(8, '0');
  return {
    orderId: `0f8fad5b-d9cb-469f-a165-${n.padStart(12, '7')}`,
    customerId: `customer-${n}`,
    customerEmail: `buyer.${n}@coffee-roasters.example.com`,
    lineItems: [
      { sku: 'SKU-COFFEE-BEANS-ARABICA-1KG', quantity: 2, unitPriceMinor: 1_250n },
      { sku: 'SKU-MILK-FROTHER-X2', quantity: 1, unitPriceMinor: 4_990n },
      { sku: 'SKU-PAPER-FILTERS-100', quantity: 5, unitPriceMinor: 199n },
    ],
    totalMinor: 8_485n,
    currency: 'EUR',
    placedAt: Date.UTC(2025, 0, 2) + i,
  };
}

const avroType = parseAvroType(entry.schema);

/**
 * Framed Avro without a registry (schema id 0): for scenarios that read records with the raw
 * decoder, where the value is never decoded but must be the same size as everyone else's.
 */
export function unregisteredAvroValue(i: number): Buffer {
  const body = avroType.toBuffer(benchPayload(i));
  const framed = Buffer.alloc(5 + body.length);
  framed.writeUInt8(MAGIC_BYTE, 0);
  framed.writeUInt32BE(0, 1);
  body.copy(framed, 5);
  return framed;
}

/** The subject our codec registers the bench event under for one topic (TopicRecordNameStrategy, as the publisher). */
export function benchSubject(topic: string): string {
  return subjectName(SubjectNameStrategy.TopicRecordName, { topic, recordFullName: entry.recordFullName });
}

/** An encoder registered in the real registry (the codec's development mode registers on first use). */
export function benchEncoder(codec: AvroCodec, topic: string): Promise<AvroEncoder<OrderPlaced>> {
  return codec.encoderFor<OrderPlaced>({ subject: benchSubject(topic), schema: entry.schema });
}

export function benchHeaders(i: number): IHeaders {
  return buildCloudEventHeaders({ id: `bench-${i}`, type: BENCH_EVENT_TYPE, source: SOURCE, time: new Date(Date.UTC(2025, 0, 2) + i) }) as IHeaders;
}

/** A registered, CloudEvents-headed record: what an Eventline publisher writes. */
export function eventlineMessage(encoder: AvroEncoder<OrderPlaced>, i: number): Message {
  const payload = benchPayload(i);
  return { key: payload.orderId, value: encoder.encode(payload), headers: benchHeaders(i) };
}

/** The same event as JSON, for transports that read JSON (larger than the Avro record: field names travel too). */
export function jsonValue(i: number): Buffer {
  const payload = benchPayload(i);
  const lineItems = payload.lineItems.map((l) => ({ ...l, unitPriceMinor: l.unitPriceMinor.toString() }));
  return Buffer.from(JSON.stringify({ ...payload, totalMinor: payload.totalMinor.toString(), lineItems }));
}
