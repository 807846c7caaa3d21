import { randomUUID } from 'node:crypto';
import type { Kafka, KafkaMessage } from 'kafkajs';
import { onlyThesePartitions } from './only-these-partitions.assigner';
import { readerGroupPrefix } from './reader-group-prefix';

export interface ReadRange {
  readonly partition: number;
  readonly from: bigint;
  /** Exclusive. Absent: follow the partition until stopped. */
  readonly to?: bigint;
}

export interface ReadBatch {
  readonly partition: number;
  /** In offset order, all within the partition's range. */
  readonly messages: readonly KafkaMessage[];
  /** Keeps the throwaway group alive during a slow (rate-limited) batch. */
  heartbeat(): Promise<void>;
}

/** Return false to stop the whole read (e.g. the most records wanted were read). */
export type BatchHandler = (batch: ReadBatch) => Promise<boolean | void>;

export interface ReadOptions {
  readonly signal?: AbortSignal;
  /** Partitions processed at once; each partition stays in order. */
  readonly concurrency?: number;
}

/**
 * Reads bounded offset ranges of one topic, without touching any real consumer group.
 *
 * kafkajs cannot fetch without a group, so this joins a fresh group (`eventline-cli-<uuid>`, or
 * the prefix set for the client: `useReaderGroupPrefix`)
 * whose only member gets exactly the requested partitions from our own assignor, seeks each
 * to its start, never commits, and deletes the group at the end. Nothing an application's
 * group sees changes. The cost is one JoinGroup round (instant locally; up to the broker's
 * `group.initial.rebalance.delay.ms`, 3 s by default, elsewhere).
 *
 * A partition is done when a fetched batch reaches `to - 1`: kafkajs's `batch.lastOffset()`
 * counts control records and compaction gaps, so a range ending in a transaction marker or a
 * compacted hole still finishes.
 */
export async function readTopic(kafka: Kafka, topic: string, ranges: readonly ReadRange[], onBatch: BatchHandler, options: ReadOptions = {}): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const progress = { delivered: false };
    try {
      return await readOnce(kafka, topic, ranges, onBatch, options, progress);
    } catch (error) {
      // A brand-new group can meet a coordinator that is still loading or just moved; kafkajs
      // gives up on the join. Nothing was handed over yet, so a fresh group may simply try again.
      if (progress.delivered || attempt >= JOIN_ATTEMPTS || !isCoordinatorTransient(error)) throw error;
    }
  }
}

/** Joins of a fresh reader group tried at most this often when the coordinator is not ready. */
const JOIN_ATTEMPTS = 3;

const COORDINATOR_TRANSIENT = /not the correct coordinator|coordinator (is )?not available|coordinator is loading|COORDINATOR_LOAD_IN_PROGRESS|NOT_COORDINATOR|COORDINATOR_NOT_AVAILABLE/i;

function isCoordinatorTransient(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if (COORDINATOR_TRANSIENT.test(e.message) || COORDINATOR_TRANSIENT.test(String((e as { type?: unknown }).type ?? ''))) return true;
  }
  return false;
}

async function readOnce(kafka: Kafka, topic: string, ranges: readonly ReadRange[], onBatch: BatchHandler, options: ReadOptions, progress: { delivered: boolean }): Promise<void> {
  const active = ranges.filter((r) => r.to === undefined || r.from < r.to);
  if (active.length === 0) return;
  const next = new Map(active.map((r) => [r.partition, r.from]));
  const ends = new Map(active.map((r) => [r.partition, r.to]));
  const open = new Set(active.filter((r) => r.to !== undefined).map((r) => r.partition));
  const follow = active.some((r) => r.to === undefined);

  const groupId = `${readerGroupPrefix(kafka)}${randomUUID()}`;
  const consumer = kafka.consumer({
    groupId,
    partitionAssigners: [onlyThesePartitions(topic, active.map((r) => r.partition))],
    allowAutoTopicCreation: false,
    maxWaitTimeInMs: 250,
    sessionTimeout: 30_000,
    heartbeatInterval: 3_000,
  });

  let finish!: () => void;
  let fail!: (err: unknown) => void;
  const finished = new Promise<void>((resolve, reject) => {
    finish = resolve;
    fail = reject;
  });
  const onAbort = () => finish();
  options.signal?.addEventListener('abort', onAbort, { once: true });
  consumer.on(consumer.events.CRASH, (event) => fail(event.payload.error));
  const reached = (partition: number, lastOffset: bigint) => {
    const to = ends.get(partition);
    if (to === undefined || lastOffset < to - 1n || !open.delete(partition)) return false;
    consumer.pause([{ topic, partitions: [partition] }]);
    if (open.size === 0 && !follow) finish();
    return true;
  };
  // A batch of only control records (transaction markers) never reaches eachBatch; kafkajs
  // announces it with batchSize 0, and it may be what carries a range to its end.
  consumer.on(consumer.events.START_BATCH_PROCESS, ({ payload }) => {
    if (payload.batchSize === 0 && payload.topic === topic) reached(payload.partition, BigInt(payload.lastOffset));
  });

  try {
    await consumer.connect();
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    let stopped = false;
    await consumer.run({
      autoCommit: false,
      partitionsConsumedConcurrently: Math.max(1, Math.min(options.concurrency ?? 1, active.length)),
      eachBatch: async ({ batch, heartbeat }) => {
        if (stopped) return;
        const partition = batch.partition;
        const from = next.get(partition);
        if (from === undefined) return;
        const to = ends.get(partition);
        // Offsets below `from` can arrive if a rejoin lost our seek (nothing is committed, so
        // kafkajs falls back to the earliest): skipping them keeps every record delivered once.
        const messages = batch.messages.filter((m) => {
          const offset = BigInt(m.offset);
          return offset >= from && (to === undefined || offset < to);
        });
        try {
          if (messages.length > 0) {
            progress.delivered = true;
            const more = await onBatch({ partition, messages, heartbeat });
            next.set(partition, BigInt(messages[messages.length - 1].offset) + 1n);
            if (more === false) {
              stopped = true;
              finish();
              return;
            }
          }
          reached(partition, BigInt(batch.lastOffset()));
        } catch (err) {
          stopped = true;
          fail(err);
        }
      },
    });
    for (const range of active) consumer.seek({ topic, partition: range.partition, offset: range.from.toString() });
    await finished;
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
    await consumer.disconnect().catch(() => undefined);
    await deleteThrowawayGroup(kafka, groupId);
  }
}

async function deleteThrowawayGroup(kafka: Kafka, groupId: string): Promise<void> {
  const admin = kafka.admin();
  try {
    await admin.connect();
    await admin.deleteGroups([groupId]);
  } catch {
    // Already gone (it never committed, so the coordinator may have dropped it) or Kafka went away: nothing to undo.
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}
