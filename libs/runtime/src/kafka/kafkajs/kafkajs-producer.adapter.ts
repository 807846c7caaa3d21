import type { Producer } from 'kafkajs';
import type { PartitionAck, ProduceRequest, ProducerPort } from '../kafka-client.port';
import { kafkaJsCompression } from './kafkajs-compression';

/** Kafka's own code for "no answer for this partition", used for the partitions kafkajs leaves out. */
const NO_ANSWER = -1;

/**
 * A kafkajs producer behind the producer port (the dead-letter writer's). kafkajs 2.2.4 can
 * resolve a send without the partition it was for (tulios/kafkajs#1303): every partition the
 * request named that is missing from kafkajs's answer is answered here as not written.
 */
export class KafkaJsProducerAdapter implements ProducerPort {
  constructor(private readonly producer: Producer) {}

  connect(): Promise<void> {
    return this.producer.connect();
  }

  async send(request: ProduceRequest): Promise<PartitionAck[]> {
    const answer = await this.producer.sendBatch({
      acks: -1,
      ...(request.timeoutMs !== undefined ? { timeout: request.timeoutMs } : {}),
      compression: kafkaJsCompression(request.compression),
      topicMessages: request.topics.map(({ topic, messages }) => ({ topic, messages: messages.map((m) => ({ ...m })) })),
    });
    const acks: PartitionAck[] = answer.map((a) => ({ topic: a.topicName, partition: a.partition, errorCode: a.errorCode, baseOffset: a.baseOffset ?? a.offset }));
    for (const { topic, messages } of request.topics) {
      for (const partition of new Set(messages.map((m) => m.partition))) {
        if (partition !== undefined && !acks.some((a) => a.topic === topic && a.partition === partition)) acks.push({ topic, partition, errorCode: NO_ANSWER });
      }
    }
    return acks;
  }

  disconnect(): Promise<void> {
    return this.producer.disconnect();
  }
}
