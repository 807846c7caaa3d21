import { Classification, EventlineError } from '@eventline/errors';

/**
 * The dead-letter contract. A dead-lettered record keeps the original key, value bytes and
 * headers untouched, and gains these headers saying where it came from and why it failed.
 * The replay tooling reads them to redrive a record to its source, so this module is the
 * only place their names and formats are written down.
 */
export const DeadLetterHeader = {
  SourceTopic: 'eventline-dlq-source-topic',
  SourcePartition: 'eventline-dlq-source-partition',
  SourceOffset: 'eventline-dlq-source-offset',
  SourceTimestamp: 'eventline-dlq-source-timestamp',
  ConsumerGroup: 'eventline-dlq-consumer-group',
  Attempts: 'eventline-dlq-attempts',
  ErrorClass: 'eventline-dlq-error-class',
  ErrorCode: 'eventline-dlq-error-code',
  ErrorMessage: 'eventline-dlq-error-message',
  ErrorStack: 'eventline-dlq-error-stack',
  FailedAt: 'eventline-dlq-failed-at',
} as const;
export type DeadLetterHeader = (typeof DeadLetterHeader)[keyof typeof DeadLetterHeader];

/** Header values are bounded: a DLQ record must not grow without limit because a message did. */
export const DEAD_LETTER_LIMITS = { messageChars: 1_000, stackLines: 15, stackChars: 4_000 } as const;

/** `<source topic>.dlq`, unless a route names its own. */
export function defaultDeadLetterTopic(sourceTopic: string): string {
  return `${sourceTopic}.dlq`;
}

export interface DeadLetterInfo {
  readonly sourceTopic: string;
  readonly sourcePartition: number;
  /** Offsets stay strings end to end (kafkajs's form); never a JS number. */
  readonly sourceOffset: string;
  /** Milliseconds since the epoch, as Kafka's record timestamp string. */
  readonly sourceTimestamp: string;
  readonly consumerGroup: string;
  readonly attempts: number;
  readonly errorClass: string;
  readonly errorCode: string;
  readonly errorMessage: string;
  readonly errorStack?: string;
  /** ISO 8601. */
  readonly failedAt: string;
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** A stack cut to its first lines: enough to find the throw site. */
export function truncateStack(stack: string | undefined): string | undefined {
  if (!stack) return undefined;
  return truncate(stack.split('\n').slice(0, DEAD_LETTER_LIMITS.stackLines).join('\n'), DEAD_LETTER_LIMITS.stackChars);
}

export function deadLetterHeaders(info: DeadLetterInfo): Record<string, string> {
  const headers: Record<string, string> = {
    [DeadLetterHeader.SourceTopic]: info.sourceTopic,
    [DeadLetterHeader.SourcePartition]: String(info.sourcePartition),
    [DeadLetterHeader.SourceOffset]: info.sourceOffset,
    [DeadLetterHeader.SourceTimestamp]: info.sourceTimestamp,
    [DeadLetterHeader.ConsumerGroup]: info.consumerGroup,
    [DeadLetterHeader.Attempts]: String(info.attempts),
    [DeadLetterHeader.ErrorClass]: info.errorClass,
    [DeadLetterHeader.ErrorCode]: info.errorCode,
    [DeadLetterHeader.ErrorMessage]: truncate(info.errorMessage, DEAD_LETTER_LIMITS.messageChars),
    [DeadLetterHeader.FailedAt]: info.failedAt,
  };
  const stack = truncateStack(info.errorStack);
  if (stack) headers[DeadLetterHeader.ErrorStack] = stack;
  return headers;
}

export class DeadLetterHeaderError extends EventlineError<'DLQ_HEADER_INVALID'> {
  override readonly name = 'DeadLetterHeaderError';
  constructor(
    readonly header: string,
    message: string,
  ) {
    super('DLQ_HEADER_INVALID', message, Classification.Final);
  }
}

type Headers = Readonly<Record<string, Buffer | string | ReadonlyArray<Buffer | string> | undefined>> | undefined;

function text(headers: Headers, name: string): string | undefined {
  const raw = headers?.[name];
  const value = Array.isArray(raw) ? raw[raw.length - 1] : raw;
  return value === undefined ? undefined : value.toString();
}

function required(headers: Headers, name: string): string {
  const value = text(headers, name);
  if (value === undefined || value === '') throw new DeadLetterHeaderError(name, `dead-letter record has no ${name} header`);
  return value;
}

function wholeNumber(headers: Headers, name: string): string {
  const value = required(headers, name);
  if (!/^\d+$/.test(value)) throw new DeadLetterHeaderError(name, `${name} is "${value}", not a whole number`);
  return value;
}

/** Reads the contract back from a dead-lettered record (for `eventline dlq`). */
export function parseDeadLetterHeaders(headers: Headers): DeadLetterInfo {
  return {
    sourceTopic: required(headers, DeadLetterHeader.SourceTopic),
    sourcePartition: Number(wholeNumber(headers, DeadLetterHeader.SourcePartition)),
    sourceOffset: wholeNumber(headers, DeadLetterHeader.SourceOffset),
    sourceTimestamp: text(headers, DeadLetterHeader.SourceTimestamp) ?? '',
    consumerGroup: text(headers, DeadLetterHeader.ConsumerGroup) ?? '',
    attempts: Number(wholeNumber(headers, DeadLetterHeader.Attempts)),
    errorClass: text(headers, DeadLetterHeader.ErrorClass) ?? '',
    errorCode: required(headers, DeadLetterHeader.ErrorCode),
    errorMessage: text(headers, DeadLetterHeader.ErrorMessage) ?? '',
    errorStack: text(headers, DeadLetterHeader.ErrorStack),
    failedAt: text(headers, DeadLetterHeader.FailedAt) ?? '',
  };
}

/**
 * The redrive half of the contract. A dead letter goes back to its source topic, and every
 * group subscribed to that topic reads it there — also the groups that processed the original
 * without trouble. So a redriven record names the one group it is meant for; the runtime of
 * any other group finishes it without a handler (consumer/redrive-audience.ts). A record that
 * names no group is every group's, as is any record a producer writes.
 */
export const RedriveHeader = {
  ForGroup: 'eventline-redrive-for-group',
} as const;
export type RedriveHeader = (typeof RedriveHeader)[keyof typeof RedriveHeader];

/** The header that makes a record `groupId`'s alone (for `eventline dlq redrive` and `replay --for-group`). */
export function redriveForGroupHeaders(groupId: string): Record<string, string> {
  // An empty value names no group (see redriveTargetGroup): writing one would silently reach every group.
  if (groupId === '') throw new DeadLetterHeaderError(RedriveHeader.ForGroup, `${RedriveHeader.ForGroup} needs a consumer group id, not an empty string`);
  return { [RedriveHeader.ForGroup]: groupId };
}

/**
 * The group a record was redriven for, or undefined when it names none. A repeated header
 * counts by its last value, as Kafka's own clients read headers (`Headers.lastHeader`).
 */
export function redriveTargetGroup(headers: Headers): string | undefined {
  const group = text(headers, RedriveHeader.ForGroup);
  return group === '' ? undefined : group;
}
