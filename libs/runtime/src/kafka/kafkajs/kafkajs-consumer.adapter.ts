import type { Consumer, EachBatchPayload } from 'kafkajs';
import type { CommittedOffset, ConsumerPort, ConsumerRunOptions, GroupListener } from '../kafka-client.port';

/**
 * A kafkajs consumer behind the consumer port. What is kafkajs's own and stays here:
 * - the eager rebalance protocol of kafkajs 2.x: REBALANCING revokes every partition, the
 *   next GROUP_JOIN carries the whole new assignment — reported as `revoked` / `assigned`;
 * - its batch object and payload already have the port's shapes (offset strings, byte
 *   buffers, resolveOffset/heartbeat/pause/isRunning/isStale), so they pass through without
 *   a copy per record;
 * - commits: kafkajs's `commitOffsets` with the metadata field, never its auto-commit.
 */
export class KafkaJsConsumerAdapter implements ConsumerPort {
  constructor(private readonly consumer: Consumer) {}

  connect(): Promise<void> {
    return this.consumer.connect();
  }

  subscribe(topics: readonly string[], fromBeginning: boolean): Promise<void> {
    return this.consumer.subscribe({ topics: [...topics], fromBeginning });
  }

  listen(listener: GroupListener): () => void {
    const { GROUP_JOIN, REBALANCING, CRASH } = this.consumer.events;
    const off = [
      this.consumer.on(GROUP_JOIN, ({ payload }) => listener.assigned({ memberId: payload.memberId, assignment: payload.memberAssignment })),
      this.consumer.on(REBALANCING, ({ payload }) => listener.revoked({ memberId: payload.memberId })),
      this.consumer.on(CRASH, ({ payload }) => listener.crashed({ error: payload.error, restart: payload.restart })),
    ];
    return () => off.forEach((remove) => remove());
  }

  run(options: ConsumerRunOptions): Promise<void> {
    const { eachBatch } = options;
    return this.consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: options.concurrency,
      eachBatch: (payload: EachBatchPayload) => eachBatch(payload.batch, payload),
    });
  }

  commit(offsets: readonly CommittedOffset[]): Promise<void> {
    return this.consumer.commitOffsets(offsets.map((o) => ({ topic: o.topic, partition: o.partition, offset: o.offset, ...(o.metadata !== undefined ? { metadata: o.metadata } : {}) })));
  }

  disconnect(): Promise<void> {
    return this.consumer.disconnect();
  }
}
