import { CompressionTypes, type Admin, type IHeaders, type Producer } from 'kafkajs';
import { AcknowledgedSender, DEFAULT_RESEND_POLICY, isPublishError, PartitionCounts, PublishErrorCode, retryPolicy } from '@eventline/runtime';
import { OpsError, OpsErrorCode, OpsRemedy } from '../errors/ops.error';

/** A record whose partition is decided before sending, so its acknowledgement can be checked. */
export interface PartitionedMessage {
  readonly key: Buffer | string | null;
  readonly value: Buffer | null;
  readonly headers?: IHeaders;
  readonly partition: number;
}

type Written = PartitionedMessage & { readonly topic: string };

// A copy or a redrive stops rather than waits long: the operator runs it again and it resumes.
const RESEND = retryPolicy({ ...DEFAULT_RESEND_POLICY, maxAttempts: 3 }, 'resend');
const ACK_TIMEOUT_MS = 30_000;

/**
 * Writes records with acks=all through the runtime's acknowledgement guard
 * (libs/runtime/src/kafka/kafkajs/acknowledged-send.ts, kafkajs#1303): a record counts as
 * written only when Kafka acknowledged the very partition it went to; the records of a
 * partition missing from the answer are sent again before anything newer goes there, so
 * per-partition order holds. After the last attempt the operation stops with an error
 * rather than report success.
 */
export class RecordWriter {
  private readonly sender: AcknowledgedSender<Written, number>;

  constructor(producer: Pick<Producer, 'sendBatch'>, admin: Pick<Admin, 'fetchTopicMetadata'>) {
    this.sender = new AcknowledgedSender(producer, new PartitionCounts(admin), {
      receipt: (_record, partition) => partition,
      compression: CompressionTypes.None,
      ackTimeoutMs: ACK_TIMEOUT_MS,
      resend: RESEND,
    });
  }

  async send(topic: string, messages: readonly PartitionedMessage[]): Promise<void> {
    if (messages.length === 0) return;
    const { outcomes, attempts } = await this.sender.send(messages.map((m) => ({ ...m, topic })));
    const failed = outcomes.flatMap((outcome, i) => (isPublishError(outcome) ? [{ error: outcome, partition: messages[i].partition }] : []));
    if (failed.length === 0) return;
    const refused = failed.find(({ error }) => error.code !== PublishErrorCode.NotAcknowledged);
    // Kafka's own refusal (an ACL, a missing topic) as it came, so the connection library can name it.
    if (refused) throw refused.error.cause ?? refused.error;
    const missing = [...new Set(failed.map((f) => f.partition))].sort((a, b) => a - b);
    throw new OpsError(
      OpsErrorCode.SendNotAcknowledged,
      `Kafka did not acknowledge ${topic} partition(s) ${missing.join(', ')} after ${attempts} attempts; nothing past them was sent`,
      { detail: { topic, remedy: OpsRemedy.RunAgain } },
    );
  }
}
