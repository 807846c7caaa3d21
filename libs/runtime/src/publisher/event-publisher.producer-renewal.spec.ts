import { PublishError } from './publish.error';
import { ORDER_PAID, fakePublisher, orderPaid } from './testing/publisher-fixture';

// kafkajs keeps a partition's idempotence sequence after a request that failed on the
// client side; if the broker had written it, the next batch would reuse the sequence and be
// answered as a duplicate without being written. So a failed send retires the producer.
const timeout = () => Object.assign(new Error('Request sendBatch timed out'), { name: 'KafkaJSRequestTimeoutError', retriable: true });

describe('EventPublisher producer renewal', () => {
  it('sends the publish after a failed one through a new producer (a fresh producer id)', async () => {
    const { kafka, publisher } = await fakePublisher({ resend: { maxAttempts: 2, initialDelayMs: 1, maxDelayMs: 1, jitter: 0 } });
    kafka.behaviour = (call) => (call <= 2 ? { fail: timeout() } : undefined);

    await expect(publisher.publish(ORDER_PAID, orderPaid('order-1', 1))).rejects.toBeInstanceOf(PublishError);
    const beforeSecond = kafka.events.length;
    await publisher.publish(ORDER_PAID, orderPaid('order-2', 2));

    const after = kafka.events.slice(beforeSecond);
    expect(after.indexOf('producer.connect')).toBeGreaterThanOrEqual(0);
    expect(after.indexOf('producer.connect')).toBeLessThan(after.indexOf('producer.sendBatch'));
    expect(after).toContain('producer.disconnect');
    await publisher.disconnect();
  });

  it('keeps the producer while every send is acknowledged', async () => {
    const { kafka, publisher } = await fakePublisher();
    const connects = () => kafka.events.filter((e) => e === 'producer.connect').length;
    const initial = connects();
    for (let i = 0; i < 3; i++) await publisher.publish(ORDER_PAID, orderPaid(`order-${i}`, i));
    expect(connects()).toBe(initial);
    await publisher.disconnect();
  });
});
