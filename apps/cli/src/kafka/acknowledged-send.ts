import type { Message, Producer } from 'kafkajs';
import { CliError, CliErrorCode } from '../common/cli.error';

/** A message whose partition is decided before sending, so its acknowledgement can be checked. */
export interface PartitionedMessage extends Message {
  readonly partition: number;
}

const MAX_ATTEMPTS = 3;

/**
 * Sends with acks=all and checks that every partition sent to is in the response.
 *
 * kafkajs 2.2.4 can resolve `send()` without a partition in the response — and without
 * writing that partition's records — when the partition's leader dies mid-send
 * (tulios/kafkajs#1303). Trusting the promise would drop records silently, so the missing
 * partitions' messages are sent again (the idempotent producer keeps a real duplicate out),
 * and after `MAX_ATTEMPTS` the command stops with an error rather than report success.
 * Each partition's messages are resent before anything newer goes to it, so per-partition
 * order holds.
 */
export async function sendAcknowledged(producer: Producer, topic: string, messages: readonly PartitionedMessage[]): Promise<void> {
  let pending = messages;
  for (let attempt = 1; pending.length > 0; attempt += 1) {
    const expected = new Set(pending.map((m) => m.partition));
    const response = await producer.send({ topic, acks: -1, messages: [...pending] });
    const acknowledged = new Set(response.filter((r) => r.topicName === topic && r.errorCode === 0).map((r) => r.partition));
    const missing = [...expected].filter((p) => !acknowledged.has(p));
    if (missing.length === 0) return;
    if (attempt >= MAX_ATTEMPTS) {
      throw new CliError(
        CliErrorCode.SendNotAcknowledged,
        `Kafka did not acknowledge ${topic} partition(s) ${missing.join(', ')} after ${MAX_ATTEMPTS} attempts; nothing past them was sent — run the same command again to resume`,
      );
    }
    const retry = new Set(missing);
    pending = pending.filter((m) => retry.has(m.partition));
  }
}
