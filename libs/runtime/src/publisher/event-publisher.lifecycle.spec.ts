import { CompressionTypes } from 'kafkajs';
import { RegistryOutcome } from '@eventline/codec';
import { RuntimeEvent, RuntimeInstrumentation, type RuntimeEventPayloads } from '../instrumentation/runtime-events';
import { kafkaJsClient } from '../kafka/kafkajs';
import { EventPublisher } from './event-publisher';
import { PublishErrorCode } from './publish.error';
import { ORDER_PAID, fakePublisher, orderPaid } from './testing/publisher-fixture';

describe('EventPublisher validation', () => {
  it.each([
    ['a field of the wrong type', { ...orderPaid('order-1'), amountMinor: 12.5 }, 'amountMinor'],
    ['a missing field', { ...orderPaid('order-1'), currency: undefined }, 'currency'],
  ])('refuses %s with PUBLISH_INVALID_PAYLOAD naming it, and sends nothing', async (_name, payload, field) => {
    const { kafka, publisher } = await fakePublisher();
    await expect(publisher.publish(ORDER_PAID, payload as never)).rejects.toMatchObject({
      code: PublishErrorCode.InvalidPayload,
      retriable: false,
      paths: [expect.stringContaining(field)],
    });
    await publisher.flush();
    expect(kafka.batches).toHaveLength(0);
    await publisher.disconnect();
  });

  it('publishMany sends nothing when one payload is invalid', async () => {
    const { kafka, publisher } = await fakePublisher();
    await expect(
      publisher.publishMany([
        { type: ORDER_PAID, payload: orderPaid('order-1', 1) },
        { type: ORDER_PAID, payload: { ...orderPaid('order-1', 2), method: 'CASH' as never } },
      ]),
    ).rejects.toMatchObject({ code: PublishErrorCode.InvalidPayload });
    const ok = await publisher.publish(ORDER_PAID, orderPaid('order-1', 3));
    expect(kafka.allWritten()).toHaveLength(1);
    expect(ok.offset).toBe('0');
    await publisher.disconnect();
  });

  it('publishMany sends its events together, in order', async () => {
    const { kafka, publisher } = await fakePublisher({ lingerMs: 0 });
    const receipts = await publisher.publishMany(Array.from({ length: 4 }, (_, i) => ({ type: ORDER_PAID, payload: orderPaid('order-1', i), options: { id: `e${i}` } })));
    expect(kafka.batches).toHaveLength(1);
    expect(receipts.map((r) => [r.id, r.offset])).toEqual([
      ['e0', '0'],
      ['e1', '1'],
      ['e2', '2'],
      ['e3', '3'],
    ]);
    await publisher.disconnect();
  });

  it.each([
    ['an event type outside the catalog', (p: EventPublisher) => p.publish('dev.eventline.orders.Nope' as never, {} as never), PublishErrorCode.UnknownEventType, false],
    [
      'a registry that does not answer',
      async (p: EventPublisher, registry: { failWith?: RegistryOutcome }) => {
        registry.failWith = RegistryOutcome.Unavailable;
        return p.publish('dev.eventline.shipments.ShipmentScheduled', {} as never);
      },
      PublishErrorCode.RegistryUnavailable,
      true,
    ],
  ] as const)('refuses %s', async (_name, act, code, retriable) => {
    const { kafka, publisher, registry } = await fakePublisher();
    await expect(act(publisher, registry)).rejects.toMatchObject({ code, retriable });
    expect(kafka.batches).toHaveLength(0);
    await publisher.disconnect();
  });
});

describe('EventPublisher lifecycle', () => {
  it('configures an idempotent producer with acks=all and at most 5 requests in flight', async () => {
    const { kafka, publisher } = await fakePublisher({ compression: 'gzip' });
    expect(kafka.producerConfig).toMatchObject({ idempotent: true, maxInFlightRequests: 5, allowAutoTopicCreation: false, retry: { retries: 5 } });
    await publisher.publish(ORDER_PAID, orderPaid('order-1'));
    expect(kafka.batches[0]).toMatchObject({ acks: -1, compression: CompressionTypes.GZIP });
    await publisher.disconnect();
  });

  it('disconnect flushes pending publishes before closing the producer; later publishes fail with PUBLISH_CLOSED', async () => {
    const { kafka, publisher } = await fakePublisher({ lingerMs: 50 });
    const pending = publisher.publish(ORDER_PAID, orderPaid('order-1'));
    await publisher.disconnect();
    await expect(pending).resolves.toMatchObject({ offset: '0' });
    expect(kafka.events.indexOf('producer.sendBatch')).toBeLessThan(kafka.events.indexOf('producer.disconnect'));
    await expect(publisher.publish(ORDER_PAID, orderPaid('order-1'))).rejects.toMatchObject({ code: PublishErrorCode.Closed, retriable: false });
    expect(publisher.connected).toBe(false);
  });

  it('refuses to publish before connect', async () => {
    const { kafka, codec } = await fakePublisher();
    const unconnected = new EventPublisher({ client: kafkaJsClient(kafka.client), codec, source: '/eventline/spec' });
    await expect(unconnected.publish(ORDER_PAID, orderPaid('o'))).rejects.toMatchObject({ code: PublishErrorCode.NotConnected, retriable: true });
  });

  it('flush waits for every publish started before it', async () => {
    const { kafka, publisher } = await fakePublisher({ lingerMs: 200 });
    kafka.sendDelayMs = 10;
    const settled: string[] = [];
    for (let i = 0; i < 3; i++) publisher.publish(ORDER_PAID, orderPaid('order-1', i)).then((r) => settled.push(r.offset));
    await publisher.flush();
    expect(settled).toEqual(['0', '1', '2']);
    await publisher.disconnect();
  });

  it('emits Published per topic with count and duration, and PublishFailed with the code', async () => {
    const instrumentation = new RuntimeInstrumentation();
    const published: Array<RuntimeEventPayloads[typeof RuntimeEvent.Published]> = [];
    const failed: Array<RuntimeEventPayloads[typeof RuntimeEvent.PublishFailed]> = [];
    instrumentation.on(RuntimeEvent.Published, (e) => published.push(e));
    instrumentation.on(RuntimeEvent.PublishFailed, (e) => failed.push(e));
    const { publisher } = await fakePublisher({ instrumentation });

    await Promise.allSettled([
      publisher.publish(ORDER_PAID, orderPaid('order-1')),
      publisher.publish(ORDER_PAID, orderPaid('order-2')),
      publisher.publish(ORDER_PAID, { ...orderPaid('order-3'), currency: 7 as never }),
    ]);
    expect(published).toEqual([{ topic: 'orders', count: 2, durationMs: expect.any(Number) }]);
    expect(failed).toEqual([{ topic: 'orders', count: 1, errorCode: PublishErrorCode.InvalidPayload, retriable: false }]);
    await publisher.disconnect();
  });
});
