import type { KafkaMessage } from 'kafkajs';
import { eventTypeOf, utf8OrUndefined, type DeadLetterReading } from '@eventline/ops';
import type { DeadLetterDetail, DeadLetterSummary } from '../api/console-api.types';

/** A dead letter as a list row; a record without the header contract shows what it has. */
export function deadLetterSummary(partition: number, message: KafkaMessage, reading: DeadLetterReading, alreadyRedriven: boolean): DeadLetterSummary {
  const info = reading.info;
  return {
    partition,
    offset: message.offset,
    key: message.key ? (utf8OrUndefined(message.key) ?? `base64:${message.key.toString('base64')}`) : null,
    eventType: eventTypeOf(message) ?? null,
    errorCode: info?.errorCode ?? null,
    errorMessage: info?.errorMessage ?? reading.problem ?? null,
    sourceTopic: info?.sourceTopic ?? null,
    sourcePartition: info?.sourcePartition ?? null,
    sourceOffset: info?.sourceOffset ?? null,
    consumerGroup: info?.consumerGroup || null,
    failedAt: info?.failedAt ?? null,
    attempts: info?.attempts ?? null,
    alreadyRedriven,
  };
}

export function deadLetterDetail(summary: DeadLetterSummary, reading: DeadLetterReading): DeadLetterDetail['deadLetter'] {
  return { ...summary, errorClass: reading.info?.errorClass ?? null, errorStack: reading.info?.errorStack ?? null };
}
