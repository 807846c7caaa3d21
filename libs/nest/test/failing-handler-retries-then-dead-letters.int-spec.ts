/**
 * Expected: a handler that always throws is attempted exactly `retry.maxAttempts` times with
 * the attempt number in its context, then the record lands in the handler's dead-letter
 * topic with its original key and value bytes and the dead-letter headers naming the group
 * and attempts; the next event of the partition is handled after it.
 */
import { Injectable } from '@nestjs/common';
import type { OrderCancelled } from '@eventline/contracts';
import { parseDeadLetterHeaders } from '@eventline/runtime';
import { EventlinePublisher, OnEvent, type OnEventContext } from '../src';
import { eventually, NestTestKit } from './nest-test-kit';

@Injectable()
class CancellationsHandler {
  readonly attempts: Array<[string, number]> = [];

  @OnEvent('dev.eventline.orders.OrderCancelled', { retry: { maxAttempts: 3, initialDelayMs: 20, maxDelayMs: 50, jitter: 0 } })
  onCancelled(cancellation: OrderCancelled, context: OnEventContext<'dev.eventline.orders.OrderCancelled'>): void {
    this.attempts.push([cancellation.orderId, context.attempt]);
    if (cancellation.orderId === 'o-bad') throw new Error('refund service rejects o-bad');
  }
}

const cancellation = (orderId: string): OrderCancelled => ({
  orderId,
  reason: 'CUSTOMER_REQUEST',
  note: null,
  refundMinor: 0n,
  currency: 'EUR',
  cancelledAt: 1_735_787_045_678,
});

describe('a handler that keeps failing', () => {
  const kit = new NestTestKit();
  beforeAll(() => kit.start());
  afterAll(() => kit.cleanup());

  it('is retried, then its record is dead-lettered and the partition moves on', async () => {
    const topic = await kit.createTopic('orders', 1);
    const options = kit.options();
    const app = await kit.app(options, [CancellationsHandler]);
    const publisher = app.get(EventlinePublisher);
    await publisher.publish('dev.eventline.orders.OrderCancelled', cancellation('o-bad'));
    await publisher.publish('dev.eventline.orders.OrderCancelled', cancellation('o-good'));

    const handler = app.get(CancellationsHandler);
    await eventually('o-good handled', () => handler.attempts.some(([id]) => id === 'o-good'));
    expect(handler.attempts).toEqual([
      ['o-bad', 1],
      ['o-bad', 2],
      ['o-bad', 3],
      ['o-good', 1],
    ]);

    const [source] = await kit.readAll(topic);
    const [dead, ...more] = await eventually('the dead letter', async () => {
      const records = await kit.readAll(`${topic}.dlq`);
      return records.length > 0 ? records : undefined;
    });
    expect(more).toHaveLength(0);
    expect(dead.key?.toString()).toBe('o-bad');
    expect(dead.value?.equals(source.value!)).toBe(true);
    expect(parseDeadLetterHeaders(dead.headers)).toMatchObject({
      sourceTopic: topic,
      sourceOffset: '0',
      consumerGroup: options.consumer!.groupId,
      attempts: 3,
      errorMessage: 'refund service rejects o-bad',
    });
  });
});
