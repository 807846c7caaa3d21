import type { Message } from 'kafkajs';
import { deadLetterHeaders } from '@eventline/runtime';

/** The error codes of S9's dead letters: a common one and a rare one to filter by. */
export const DeadLetterCode = { Common: 'HANDLER_TIMEOUT', Rare: 'VALIDATION_FAILED' } as const;
export type DeadLetterCode = (typeof DeadLetterCode)[keyof typeof DeadLetterCode];

/** One dead letter in every RARE_EVERY of each partition carries the rare code. */
export const RARE_EVERY = 200;

/**
 * Where each of S9's dead letters lands and what it says, as a function of its index `i`, so
 * the checks can recompute the exact page the console must answer. Record i goes to
 * partition i % partitions at offset ⌊i / partitions⌋ (the topic is fresh and each partition
 * is written in order), stamped `firstAt + i × stepMs`: newest first means highest i first.
 */
export interface DeadLetterSet {
  readonly topic: string;
  readonly count: number;
  readonly partitions: number;
  readonly firstAt: number;
  readonly stepMs: number;
}

/** `partition:offset`, how pages are compared. */
export type Coordinates = `${number}:${string}`;

export const partitionOf = (set: DeadLetterSet, i: number) => i % set.partitions;
export const offsetOf = (set: DeadLetterSet, i: number) => Math.floor(i / set.partitions);

/**
 * Rare every RARE_EVERY offsets of a partition, at a phase that differs per partition: spread
 * evenly over time and over every partition (a plain `i % 200` would only hit the partitions of
 * one parity, 200 and 6 sharing the factor 2).
 */
export function isRare(set: DeadLetterSet, i: number): boolean {
  return offsetOf(set, i) % RARE_EVERY === (partitionOf(set, i) * 33) % RARE_EVERY;
}

export const codeOf = (set: DeadLetterSet, i: number): DeadLetterCode => (isRare(set, i) ? DeadLetterCode.Rare : DeadLetterCode.Common);

/** The `limit` newest dead letters (of one code, when given), newest first. */
export function newestOf(set: DeadLetterSet, limit: number, code?: DeadLetterCode): Coordinates[] {
  const found: Coordinates[] = [];
  for (let i = set.count - 1; i >= 0 && found.length < limit; i--) {
    if (code === undefined || codeOf(set, i) === code) found.push(`${partitionOf(set, i)}:${offsetOf(set, i)}`);
  }
  return found;
}

const STACK = ['    at OrderHandler.handle (apps/fulfillment-worker/src/order.handler.ts:41:13)', '    at EventConsumer.dispatch (libs/runtime/src/consumer/event-consumer.ts:212:24)'];

/**
 * Dead letter i with the runtime's real header contract and a small JSON value: what the
 * dead-letter strategy writes for a failed `orders` record, so both readers parse the same bytes.
 */
export function deadLetterMessage(set: DeadLetterSet, i: number): Message {
  const code = codeOf(set, i);
  const at = set.firstAt + i * set.stepMs;
  const orderId = `order-${i.toString(36).padStart(7, '0')}`;
  const rare = code === DeadLetterCode.Rare;
  return {
    partition: partitionOf(set, i),
    key: orderId,
    value: Buffer.from(`{"orderId":"${orderId}","customerId":"customer-${i % 9_973}","totalMinor":"8485","currency":"EUR"}`),
    timestamp: String(at),
    headers: deadLetterHeaders({
      sourceTopic: 'orders',
      sourcePartition: i % 12,
      sourceOffset: String(i),
      sourceTimestamp: String(at - 1_000),
      consumerGroup: 'fulfillment',
      attempts: rare ? 1 : 5,
      errorClass: rare ? 'SchemaValidationError' : 'HandlerTimeoutError',
      errorCode: code,
      errorMessage: rare ? `${orderId}: totalMinor must be positive` : `handler did not finish ${orderId} within 30000 ms`,
      errorStack: `${rare ? 'SchemaValidationError' : 'HandlerTimeoutError'}: see message\n${STACK.join('\n')}`,
      failedAt: new Date(at).toISOString(),
    }),
  };
}
