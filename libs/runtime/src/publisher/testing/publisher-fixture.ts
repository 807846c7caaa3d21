import { AvroCodec, CodecMode } from '@eventline/codec';
import type { OrderPaid } from '@eventline/contracts';
import { EventPublisher } from '../event-publisher';
import type { EventPublisherOptions } from '../event-publisher.options';
import { kafkaJsClient } from '../../kafka/kafkajs';
import { FakeKafka } from '../../kafka/kafkajs/testing/fake-kafkajs';
import { InMemorySchemaRegistry } from './in-memory-schema-registry';

export const ORDER_PAID = 'dev.eventline.orders.OrderPaid';

/** An OrderPaid whose paymentId carries `sequence`, so specs can check order on the wire. */
export function orderPaid(orderId: string, sequence = 0): OrderPaid {
  return { orderId, paymentId: `pay-${sequence}`, amountMinor: 1999n, currency: 'EUR', method: 'CARD', paidAt: 1_700_000_000_000 };
}

/** A connected publisher over the in-memory broker and registry; resends are fast so specs stay quick. */
export async function fakePublisher(overrides: Partial<EventPublisherOptions> = {}, partitionCounts: Record<string, number> = { orders: 6, shipments: 3, notifications: 3 }) {
  const kafka = new FakeKafka(partitionCounts);
  const registry = new InMemorySchemaRegistry();
  const codec = new AvroCodec({ registry, mode: CodecMode.Development });
  const publisher = new EventPublisher({
    client: kafkaJsClient(kafka.client),
    codec,
    source: '/eventline/spec',
    resend: { maxAttempts: 4, initialDelayMs: 1, maxDelayMs: 4, jitter: 0 },
    ...overrides,
  });
  await publisher.connect();
  return { kafka, registry, codec, publisher };
}
