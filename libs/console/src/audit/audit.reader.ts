import { Inject, Injectable } from '@nestjs/common';
import type { Admin, Kafka, KafkaMessage } from 'kafkajs';
import { readTopic } from '@eventline/ops';
import type { AuditEntry, AuditPage } from '../api/console-api.types';
import { CONSOLE_CONFIG, CONSOLE_KAFKA, CONSOLE_KAFKA_ADMIN } from '../app/console.tokens';
import type { ConsoleConfig } from '../config/console-config';
import { parseAuditRecord } from './audit.log';

export const AUDIT_PAGE_DEFAULT = 50;
export const AUDIT_PAGE_MAX = 200;

/**
 * Pages of the audit log, newest first: the `limit` offsets below `before` (default: the end)
 * of its single partition. Reads only that range, however long the log is.
 */
@Injectable()
export class AuditReader {
  constructor(
    @Inject(CONSOLE_CONFIG) private readonly config: ConsoleConfig,
    @Inject(CONSOLE_KAFKA) private readonly kafka: Kafka,
    @Inject(CONSOLE_KAFKA_ADMIN) private readonly admin: Admin,
  ) {}

  async page(before: bigint | undefined, limit: number): Promise<AuditPage> {
    const topic = this.config.auditTopic;
    if (!(await this.admin.listTopics()).includes(topic)) return { entries: [], nextBefore: null };
    const watermarks = (await this.admin.fetchTopicOffsets(topic)).find((p) => p.partition === 0);
    if (!watermarks) return { entries: [], nextBefore: null };
    const low = BigInt(watermarks.low);
    const high = BigInt(watermarks.high);
    const end = before === undefined || before > high ? high : before;
    const start = end - BigInt(limit) > low ? end - BigInt(limit) : low;
    if (start >= end) return { entries: [], nextBefore: null };
    const messages: KafkaMessage[] = [];
    await readTopic(this.kafka, topic, [{ partition: 0, from: start, to: end }], async (batch) => void messages.push(...batch.messages));
    const entries = messages
      .map((m) => parseAuditRecord(m.offset, m.value))
      .filter((e): e is AuditEntry => e !== undefined)
      .reverse();
    return { entries, nextBefore: start > low ? start.toString() : null };
  }
}
