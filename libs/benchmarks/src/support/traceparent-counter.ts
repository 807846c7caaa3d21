import type { EventSenderPort, KafkaClient } from '@eventline/runtime';

/**
 * Counts the records a publisher sends with a `traceparent` header, between the publisher and
 * its Kafka client: what reached the wire, not what the interceptor meant to write. One header
 * lookup per record, only in the traced runs.
 */
export class TraceparentCounter {
  traced = 0;

  around(client: KafkaClient): KafkaClient {
    return {
      consumer: (options) => client.consumer(options),
      producer: (options) => client.producer(options),
      admin: (options) => client.admin(options),
      supportsCompression: (compression) => client.supportsCompression(compression),
      eventSender: (options) => this.counting(client.eventSender(options)),
    };
  }

  private counting(sender: EventSenderPort): EventSenderPort {
    return {
      connect: () => sender.connect(),
      disconnect: () => sender.disconnect(),
      send: (records) => {
        for (const record of records) if (record.headers.traceparent !== undefined) this.traced++;
        return sender.send(records);
      },
    };
  }
}
