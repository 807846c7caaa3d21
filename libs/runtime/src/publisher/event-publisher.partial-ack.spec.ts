import { partitionForKey } from './murmur2.partitioner';
import { PublishErrorCode } from './publish.error';
import { ORDER_PAID, fakePublisher, orderPaid } from './testing/publisher-fixture';

// kafkajs 2.2.4 can resolve sendBatch without a partition whose leader died mid-send, and
// without writing it (tulios/kafkajs#1303). These specs play that broker.
const keysOn = (partition: number, count: number) =>
  Array.from({ length: 200 }, (_, i) => `order-${i}`)
    .filter((key) => partitionForKey(key, 6) === partition)
    .slice(0, count);
const otherKeys = (partition: number, count: number) =>
  Array.from({ length: 200 }, (_, i) => `order-${i}`)
    .filter((key) => partitionForKey(key, 6) !== partition)
    .slice(0, count);

/** Kafkajs's shape for errors it gives up on, around the cause that matters. */
function kafkajsError(name: string, message: string, fields: Record<string, unknown> = {}, cause?: Error): Error {
  return Object.assign(new Error(message), { name, cause, ...fields });
}

const sendsTo = (batch: { topicMessages?: Array<{ messages: Array<{ partition?: number }> }> }, partition: number) =>
  (batch.topicMessages ?? []).some((t) => t.messages.some((m) => m.partition === partition));

describe('EventPublisher partial acknowledgements', () => {
  it('resends the records of a partition left out of the response, and resolves only once it is acknowledged', async () => {
    const { kafka, publisher } = await fakePublisher();
    // Partition 2 is left out of the first response that should have carried it.
    let omitted = false;
    kafka.behaviour = (_call, batch) => (!omitted && sendsTo(batch, 2) ? ((omitted = true), { omit: [['orders', 2]] }) : undefined);
    const missing = keysOn(2, 3);
    const fine = otherKeys(2, 3);
    const sendsToTwo = () => kafka.batches.filter((b) => sendsTo(b, 2));
    let settledBeforeResend = false;
    const all = [...missing, ...fine].map((key, i) => publisher.publish(ORDER_PAID, orderPaid(key, i)));
    all.slice(0, 3).forEach((p) => p.then(() => (settledBeforeResend ||= sendsToTwo().length < 2)));

    const receipts = await Promise.all(all);
    expect(settledBeforeResend).toBe(false);
    expect(sendsToTwo()).toHaveLength(2);
    // The resend carries exactly the records of the missing partition, in their order.
    expect(sendsToTwo()[1].topicMessages).toEqual([{ topic: 'orders', messages: missing.map((key) => expect.objectContaining({ key, partition: 2 })) }]);
    expect(receipts.slice(0, 3).map((r) => [r.partition, r.offset])).toEqual([
      [2, '0'],
      [2, '1'],
      [2, '2'],
    ]);
    // Nothing twice: the other partitions were written once, partition 2 once (on the resend).
    expect(kafka.allWritten()).toHaveLength(6);
    await publisher.disconnect();
  });

  it('fails with PUBLISH_NOT_ACKNOWLEDGED after the bounded attempts when a partition is never acknowledged; the others succeed', async () => {
    const { kafka, publisher } = await fakePublisher({ resend: { maxAttempts: 3, initialDelayMs: 1, maxDelayMs: 2, jitter: 0 } });
    kafka.behaviour = () => ({ omit: [['orders', 4]] });
    const [lost] = keysOn(4, 1);
    const [kept] = otherKeys(4, 1);
    const [a, b] = await Promise.allSettled([publisher.publish(ORDER_PAID, orderPaid(lost)), publisher.publish(ORDER_PAID, orderPaid(kept))]);

    expect(a).toMatchObject({
      status: 'rejected',
      reason: { code: PublishErrorCode.NotAcknowledged, retriable: true, message: expect.stringContaining('orders[4]') },
    });
    expect(b).toMatchObject({ status: 'fulfilled', value: { topic: 'orders', offset: '0' } });
    expect(kafka.batches.filter((batch) => sendsTo(batch, 4))).toHaveLength(3);
    expect(kafka.batches.filter((batch) => !sendsTo(batch, 4))).toHaveLength(1);
    await publisher.disconnect();
  });

  it.each([
    ['a connection refused that kafkajs gave up on as non-retriable', kafkajsError('KafkaJSNonRetriableError', 'Connection error: connect ECONNREFUSED 127.0.0.1:19093', { retriable: false }, kafkajsError('KafkaJSConnectionError', 'connect ECONNREFUSED', { retriable: true }))],
    ['kafkajs running out of its own retries', kafkajsError('KafkaJSNumberOfRetriesExceeded', 'This server is not the leader for that topic-partition', { retriable: false }, kafkajsError('KafkaJSProtocolError', 'not leader', { retriable: true, type: 'NOT_LEADER_OR_FOLLOWER' }))],
    ['a request timeout', kafkajsError('KafkaJSRequestTimeoutError', 'Request Produce(key: 0, version: 7) timed out', { retriable: true })],
  ])('sends the whole batch again after %s', async (_name, failure) => {
    const { kafka, publisher } = await fakePublisher();
    kafka.behaviour = (call) => (call === 1 ? { fail: failure } : undefined);
    const receipt = await publisher.publish(ORDER_PAID, orderPaid('order-1'));
    expect(receipt.offset).toBe('0');
    expect(kafka.batches).toHaveLength(2);
    await publisher.disconnect();
  });

  it('gives up with PUBLISH_BROKER_UNAVAILABLE when Kafka stays away', async () => {
    const { kafka, publisher } = await fakePublisher();
    kafka.behaviour = () => ({ fail: kafkajsError('KafkaJSConnectionError', 'connect ECONNREFUSED 127.0.0.1:9092') });
    await expect(publisher.publish(ORDER_PAID, orderPaid('order-1'))).rejects.toMatchObject({
      code: PublishErrorCode.BrokerUnavailable,
      retriable: true,
      cause: expect.objectContaining({ name: 'KafkaJSConnectionError' }),
    });
    expect(kafka.batches).toHaveLength(4);
    await publisher.disconnect();
  });

  it('does not retry what the broker refused for good', async () => {
    const { kafka, publisher } = await fakePublisher();
    kafka.behaviour = () => ({
      fail: kafkajsError('KafkaJSNonRetriableError', 'The request included a message larger than the max message size the server will accept', { retriable: false }, kafkajsError('KafkaJSProtocolError', 'too large', { retriable: false, type: 'MESSAGE_TOO_LARGE' })),
    });
    await expect(publisher.publish(ORDER_PAID, orderPaid('order-1'))).rejects.toMatchObject({ code: PublishErrorCode.Rejected, retriable: false });
    expect(kafka.batches).toHaveLength(1);
    await publisher.disconnect();
  });

  it('refuses a topic that does not exist, without sending', async () => {
    const { kafka, publisher } = await fakePublisher({ topicOf: () => 'no-such-topic' });
    await expect(publisher.publish(ORDER_PAID, orderPaid('order-1'))).rejects.toMatchObject({ code: PublishErrorCode.UnknownTopic, retriable: false });
    expect(kafka.batches).toHaveLength(0);
    await publisher.disconnect();
  });

  it('reads a topic’s partition count once, and again for the next batch after a failed send', async () => {
    const { kafka, publisher } = await fakePublisher();
    await Promise.all([publisher.publish(ORDER_PAID, orderPaid('a')), publisher.publish(ORDER_PAID, orderPaid('b'))]);
    await publisher.publish(ORDER_PAID, orderPaid('c'));
    expect(kafka.metadataCalls).toBe(1);
    const failing = kafka.batches.length + 1;
    kafka.behaviour = (call) => (call === failing ? { fail: kafkajsError('KafkaJSConnectionError', 'gone') } : undefined);
    // The resend keeps the partition it chose (so the key's order holds); the next batch asks again.
    await publisher.publish(ORDER_PAID, orderPaid('d'));
    expect(kafka.metadataCalls).toBe(1);
    await publisher.publish(ORDER_PAID, orderPaid('e'));
    expect(kafka.metadataCalls).toBe(2);
    await publisher.disconnect();
  });
});
