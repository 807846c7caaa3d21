/**
 * Expected: while the dead-letter topic cannot be written, the failed record's offset is not
 * committed and nothing behind it is processed; when the write succeeds again the record is
 * dead-lettered once and the partition moves on.
 */
import { kafkaJsClient, RuntimeEvent, type ProducerPort } from '../src';
import { RuntimeTestKit, eventually } from './runtime-test-kit';

describe('a failing dead-letter write', () => {
  const kit = new RuntimeTestKit();
  afterAll(() => kit.cleanup());

  it('commits nothing for the record until its dead letter is acknowledged', async () => {
    const { topic, dlq } = await kit.topicWithDlq('dlq-down', 1);
    await kit.produce(topic, [
      { key: 'k', value: 'good' },
      { key: 'k', value: 'bad' },
      { key: 'k', value: 'after' },
    ]);
    const real = kafkaJsClient(kit.kafka).producer({ idempotent: true, maxInFlightRequests: 5 });
    await real.connect();
    let dlqDown = true;
    const flaky: ProducerPort = {
      connect: () => real.connect(),
      disconnect: () => real.disconnect(),
      send: async (request) => {
        if (dlqDown) throw new Error('dead-letter topic unavailable');
        return real.send(request);
      },
    };

    const handled: string[] = [];
    const consumer = kit.consumer(
      'dlq-down',
      [
        {
          topic,
          eventType: '*',
          retry: { maxAttempts: 1, initialDelayMs: 50, maxDelayMs: 100 },
          handler: async (value: Buffer) => {
            handled.push(value.toString());
            if (value.toString() === 'bad') throw new Error('rejected');
          },
        },
      ],
      { producer: flaky, commit: { maxUncommittedRecords: 1, maxUncommittedMs: 10 } },
    );
    let dlqFailures = 0;
    consumer.instrumentation.on(RuntimeEvent.DeadLetterFailed, () => dlqFailures++);
    await consumer.start();
    await eventually('three failed dead-letter writes', () => dlqFailures >= 3);

    expect((await kit.committed(consumer.groupId, topic)).get(0)).toBe('1');
    expect(handled).not.toContain('after');
    expect(await kit.readAll(dlq)).toHaveLength(0);

    dlqDown = false;
    await eventually('after handled', () => handled.includes('after'));
    await eventually('offset 3 committed', async () => ((await kit.committed(consumer.groupId, topic)).get(0) === '3' ? true : undefined));
    const dead = await kit.readAll(dlq);
    expect(dead.map((d) => d.value?.toString())).toEqual(['bad']);
    await consumer.stop();
    await real.disconnect();
  });
});
