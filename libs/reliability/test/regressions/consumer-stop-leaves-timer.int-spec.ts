/**
 * Regression (found by S3/S5: Jest "did not exit one second after the test run"). Expected:
 * once `EventConsumer.stop()` resolved, the consumer holds no timer, so a process that
 * stopped its consumer can exit on its own. Observed: stop() races the strategies' release
 * against `sleep(remaining shutdown deadline)` (libs/runtime/src/consumer/event-consumer.ts,
 * the `Promise.race([... release ..., sleep(...)])` in stop()) and never clears that sleep,
 * so a timer of up to shutdownTimeoutMs (default 30 s) outlives the consumer.
 */
import { EventConsumer, kafkaJsClient } from '@eventline/runtime';
import { testKafka, TestTopics } from '@eventline/testing';

const timers = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;

describe('EventConsumer.stop()', () => {
  const kafka = testKafka();
  const topics = new TestTopics(kafka);
  afterAll(() => topics.cleanup());

  it('leaves no timer behind once it resolved', async () => {
    const topic = await topics.create('stop-timer', 1);
    const consumer = new EventConsumer({ client: kafkaJsClient(kafka), groupId: topics.group('stop-timer'), routes: [{ topic, eventType: '*', deadLetter: false, handler: () => undefined }], shutdownTimeoutMs: 3_000 });
    const before = timers();
    await consumer.start();
    await consumer.stop();
    // kafkajs's own timers are cleared on disconnect; give any to settle.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(timers()).toBeLessThanOrEqual(before);
  }, 60_000);
});
