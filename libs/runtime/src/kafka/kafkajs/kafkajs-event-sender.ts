import { Partitioners, type Admin, type Kafka, type Producer } from 'kafkajs';
import type { OutgoingRecord } from '../../publisher/outgoing-record';
import { PublishError, PublishErrorCode } from '../../publisher/publish.error';
import type { PublishReceipt } from '../../publisher/publish.types';
import type { EventSenderOptions, EventSenderPort, SendOutcome } from '../kafka-client.port';
import { AcknowledgedSender } from './acknowledged-send';
import { kafkaJsCompression } from './kafkajs-compression';
import { PartitionCounts } from './partition-counts';

/**
 * The publisher's sender on kafkajs: an idempotent producer, the partition-by-partition
 * acknowledgement guard (acknowledged-send.ts), and a new producer after records were given
 * up on.
 *
 * Why renew: kafkajs advances a partition's idempotence sequence only on a successful
 * response; when a request failed on the client side (a timeout, a dropped connection) but
 * the broker had written it, the next batch of the partition goes out with the sequence of
 * the written one, and the broker answers it as a duplicate — with the earlier batch's
 * offsets — without writing it: a false acknowledgement (seen in reliability S4: acked
 * records absent from the topic, as many as "failed" records that were in it). Resends of
 * the same records inside one send are safe (same records, same sequence: the broker's
 * deduplication); records given up on are the point where the sequence may be off, so the
 * next send starts from a fresh producer id.
 */
export class KafkaJsEventSender implements EventSenderPort {
  private producer: Producer;
  private suspect = false;
  private readonly admin: Admin;
  private readonly sender: AcknowledgedSender<OutgoingRecord, PublishReceipt>;

  constructor(
    private readonly kafka: Pick<Kafka, 'producer' | 'admin'>,
    private readonly options: EventSenderOptions,
  ) {
    this.producer = this.newProducer();
    // Metadata only; a lookup should fail fast and leave retrying to the resend policy.
    this.admin = kafka.admin({ retry: { retries: 2 } });
    // Through the field, so a renewed producer is the one that sends.
    this.sender = new AcknowledgedSender({ sendBatch: (batch) => this.producer.sendBatch(batch) }, new PartitionCounts(this.admin), {
      receipt: (record, partition, offset) => ({ id: record.id, type: record.type, topic: record.topic, partition, offset }),
      compression: kafkaJsCompression(options.compression),
      ackTimeoutMs: options.ackTimeoutMs,
      resend: options.resend,
    });
  }

  async connect(): Promise<void> {
    await Promise.all([this.producer.connect(), this.admin.connect()]);
  }

  async send(records: readonly OutgoingRecord[]): Promise<SendOutcome[]> {
    if (this.suspect) {
      try {
        await this.renew();
      } catch (error) {
        // Nothing of this batch was sent; it is owed to every caller.
        const failure = new PublishError(PublishErrorCode.BrokerUnavailable, `could not reconnect to Kafka after a failed send: ${String(error)}`, { cause: error });
        return records.map(() => failure);
      }
    }
    const { outcomes } = await this.sender.send(records);
    if (outcomes.some((outcome) => outcome instanceof PublishError)) this.suspect = true;
    return outcomes;
  }

  async disconnect(): Promise<void> {
    await Promise.allSettled([this.producer.disconnect(), this.admin.disconnect()]);
  }

  private newProducer(): Producer {
    return this.kafka.producer({
      idempotent: true,
      maxInFlightRequests: this.options.maxInFlightRequests,
      retry: { retries: this.options.producerRetries },
      // Unused (every message carries its partition), but naming it keeps kafkajs from
      // warning about its v2 partitioner change on every start.
      createPartitioner: Partitioners.DefaultPartitioner,
      // A typo in a topic name must fail, not create a one-partition topic.
      allowAutoTopicCreation: false,
    });
  }

  private async renew(): Promise<void> {
    const fresh = this.newProducer();
    await fresh.connect();
    const old = this.producer;
    this.producer = fresh;
    this.suspect = false;
    void old.disconnect().catch(() => undefined);
  }
}
