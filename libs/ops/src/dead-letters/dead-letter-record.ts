import type { KafkaMessage } from 'kafkajs';
import { parseDeadLetterHeaders, type DeadLetterInfo } from '@eventline/runtime';

/** A DLQ record read against the dead-letter contract: its info, or why it does not follow it. */
export type DeadLetterReading = { readonly info: DeadLetterInfo; readonly problem?: undefined } | { readonly info?: undefined; readonly problem: string };

/**
 * Never throws: a DLQ can hold records written by other tools or by hand, and one bad
 * record must not hide the others from `dlq list` or stop a redrive.
 */
export function readDeadLetter(message: KafkaMessage): DeadLetterReading {
  try {
    return { info: parseDeadLetterHeaders(message.headers) };
  } catch (err) {
    return { problem: (err as Error).message };
  }
}

/** The error code a selection filters on; records without the contract have code "(no dead-letter headers)". */
const NO_CONTRACT = '(no dead-letter headers)';

export function errorCodeOf(reading: DeadLetterReading): string {
  return reading.info?.errorCode ?? NO_CONTRACT;
}
