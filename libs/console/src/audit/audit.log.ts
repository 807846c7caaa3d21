import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import type { Admin, Kafka, Producer } from 'kafkajs';
import type { Logger } from 'pino';
import type { ApiError, AuditEntry } from '../api/console-api.types';
import type { ConsoleUser } from '../access/console-user';
import { CONSOLE_CONFIG, CONSOLE_KAFKA, CONSOLE_KAFKA_ADMIN, CONSOLE_LOGGER } from '../app/console.tokens';
import type { ConsoleConfig } from '../config/console-config';
import { answerFor } from '../errors/console-error.filter';
import { ConsoleError, ConsoleErrorCode } from '../errors/console.error';
import { ensureAuditTopic } from './audit-topic';

/** An audit record as written; Kafka gives it its offset. */
export type AuditRecord = Omit<AuditEntry, 'offset' | 'at'> & { readonly at?: string };

export interface RecordOptions<R> {
  /** What of the result goes into the record (a plan's totals, a redrive id); default: none. */
  readonly summarize?: (result: R) => Record<string, unknown>;
}

/** kafkajs#1303: a send can resolve without the partition's acknowledgement; resent this often. */
const SEND_ATTEMPTS = 3;

/**
 * The console's audit log: one JSON record per action and sign-in, keyed by the user, in the
 * append-only topic `_eventline-audit` (CONSOLE_AUDIT_TOPIC). Written by an idempotent
 * producer with acks=all before the action's answer leaves: an action whose record cannot
 * be written is answered as failed (503 AUDIT_UNAVAILABLE), never as done.
 */
@Injectable()
export class AuditLog implements OnModuleDestroy {
  private producer?: Promise<Producer>;

  constructor(
    @Inject(CONSOLE_CONFIG) private readonly config: ConsoleConfig,
    @Inject(CONSOLE_KAFKA) private readonly kafka: Kafka,
    @Inject(CONSOLE_KAFKA_ADMIN) private readonly admin: Admin,
    @Inject(CONSOLE_LOGGER) private readonly log: Logger,
  ) {}

  get topic(): string {
    return this.config.auditTopic;
  }

  /**
   * Runs an action and records who did what and how it ended: `succeeded` (with the summary
   * of its result), `refused` (an error the caller can act on: 4xx, e.g. GROUP_ACTIVE), or
   * `failed` (5xx, with the error's code and message). The audit log is made ready before the
   * action starts, so an unwritable log stops the action rather than leaving it unrecorded.
   * Returns the action's result, or rethrows its error after recording it.
   */
  async record<R>(actor: ConsoleUser, action: string, request: Record<string, unknown>, run: () => Promise<R>, options: RecordOptions<R> = {}): Promise<R> {
    await this.ready();
    const base = { user: actor.name, role: actor.role, action, request };
    let result: R;
    try {
      result = await run();
    } catch (error) {
      const answer = answerFor(error);
      const outcome = answer.status < 500 ? 'refused' : 'failed';
      await this.append({ ...base, outcome, error: answer.error }).catch((auditError: unknown) =>
        // The action failed anyway; its own error is what the caller needs to see.
        this.log.error({ err: auditError, action, user: actor.name }, `the ${outcome} ${action} could not be written to the audit log`),
      );
      throw error;
    }
    await this.append({ ...base, outcome: 'succeeded', ...(options.summarize ? { result: options.summarize(result) } : {}) }).catch((auditError: unknown) => {
      this.log.error({ err: auditError, action, user: actor.name }, `${action} ran, but its audit record could not be written`);
      throw new ConsoleError(ConsoleErrorCode.AuditUnavailable, `${action} ran, but its audit record could not be written; check the audit topic ${this.topic}`, {
        cause: auditError,
      });
    });
    return result;
  }

  /** Appends one record and returns its offset once every in-sync replica has it. */
  async append(record: AuditRecord): Promise<string> {
    const producer = await this.ready();
    const value = JSON.stringify({ ...record, at: record.at ?? new Date().toISOString() }, (_key, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
    for (let attempt = 1; ; attempt++) {
      const answer = await producer.send({ topic: this.topic, acks: -1, timeout: 10_000, messages: [{ partition: 0, key: record.user, value }] }).catch((error: unknown) => {
        throw this.unavailable(error);
      });
      const acknowledged = answer.find((r) => r.topicName === this.topic && r.partition === 0 && r.errorCode === 0);
      if (acknowledged?.baseOffset !== undefined) return acknowledged.baseOffset;
      if (attempt >= SEND_ATTEMPTS) throw this.unavailable(new Error(`Kafka did not acknowledge ${this.topic} after ${SEND_ATTEMPTS} sends`));
    }
  }

  /** The topic exists and the producer is connected; retried on the next call after a failure. */
  ready(): Promise<Producer> {
    this.producer ??= this.connect().catch((error: unknown) => {
      this.producer = undefined;
      throw this.unavailable(error);
    });
    return this.producer;
  }

  async onModuleDestroy(): Promise<void> {
    const producer = await this.producer?.catch(() => undefined);
    await producer?.disconnect().catch(() => undefined);
  }

  private async connect(): Promise<Producer> {
    if ((await ensureAuditTopic(this.admin, this.topic)) === 'created') this.log.info({ topic: this.topic }, 'audit topic created');
    const producer = this.kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
    await producer.connect();
    return producer;
  }

  private unavailable(error: unknown): ConsoleError {
    if (error instanceof ConsoleError) return error;
    const reason = error instanceof Error ? error.message : String(error);
    return new ConsoleError(ConsoleErrorCode.AuditUnavailable, `the audit log ${this.topic} cannot be written (${reason})`, { cause: error });
  }
}

/** The parsed value of an audit record (for the reader and tests). */
export function parseAuditRecord(offset: string, value: Buffer | null): AuditEntry | undefined {
  if (!value) return undefined;
  try {
    const parsed = JSON.parse(value.toString('utf8')) as Omit<AuditEntry, 'offset'> & { error?: ApiError };
    if (typeof parsed.user !== 'string' || typeof parsed.action !== 'string') return undefined;
    return { ...parsed, offset };
  } catch {
    return undefined;
  }
}
