/**
 * Expected: an event published with the module's publisher reaches the @OnEvent handler of
 * a Nest application context decoded into its generated type (a long as bigint), with the
 * record's context (topic, partition, offset as a string, key, CloudEvents headers, attempt,
 * eventId); the health indicator reports the member running on its partitions with the
 * publisher connected, and stopped after close.
 */
import { Injectable } from '@nestjs/common';
import type { OrderPaid } from '@eventline/contracts';
import { EventlineHealthIndicator, EventlinePublisher, OnEvent, type OnEventContext } from '../src';
import { eventually, NestTestKit } from './nest-test-kit';

@Injectable()
class PaymentsHandler {
  readonly received: Array<[OrderPaid, OnEventContext<'dev.eventline.orders.OrderPaid'>]> = [];

  @OnEvent('dev.eventline.orders.OrderPaid')
  async onPaid(payment: OrderPaid, context: OnEventContext<'dev.eventline.orders.OrderPaid'>): Promise<void> {
    this.received.push([payment, context]);
  }
}

describe('a decorated handler in a Nest app', () => {
  const kit = new NestTestKit();
  beforeAll(() => kit.start());
  afterAll(() => kit.cleanup());

  it('receives the typed payload and its context', async () => {
    const topic = await kit.createTopic('orders', 2);
    const options = kit.options();
    const app = await kit.app(options, [PaymentsHandler]);

    const payment: OrderPaid = { orderId: 'o-1', paymentId: 'p-1', amountMinor: 2n ** 60n, currency: 'EUR', method: 'CARD', paidAt: 1_735_787_045_678 };
    await app.get(EventlinePublisher).publish('dev.eventline.orders.OrderPaid', payment, { id: 'evt-1' });

    const handler = app.get(PaymentsHandler);
    await eventually('the handler ran', () => handler.received.length > 0);
    const [[received, context]] = handler.received;
    expect(received).toEqual(payment);
    expect(typeof received.amountMinor).toBe('bigint');
    expect(context).toMatchObject({
      groupId: options.consumer!.groupId,
      topic,
      offset: '0',
      eventType: 'dev.eventline.orders.OrderPaid',
      eventId: 'evt-1',
      attempt: 1,
    });
    expect([0, 1]).toContain(context.partition);
    expect(context.key?.toString()).toBe('o-1');
    expect(context.headers['ce_source']?.toString()).toBe('/eventline/nest-test');

    const health = app.get(EventlineHealthIndicator);
    expect(health.isHealthy()).toEqual({
      eventline: {
        status: 'up',
        consumers: [{ groupId: options.consumer!.groupId, state: 'running', assignment: { [topic]: [0, 1] } }],
        publisher: 'connected',
      },
    });

    await app.close();
    expect(health.isHealthy()).toEqual({
      eventline: { status: 'down', consumers: [{ groupId: options.consumer!.groupId, state: 'stopped', assignment: {} }], publisher: 'disconnected' },
    });
  });
});
