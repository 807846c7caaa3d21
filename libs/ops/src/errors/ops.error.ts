import { Classification, EventlineError } from '@eventline/errors';

/** Every failure the operations library reports on purpose. Front ends branch on these. */
export const OpsErrorCode = {
  /** A parameter that cannot work: a malformed value, two that contradict each other. */
  BadArgument: 'OPS_BAD_ARGUMENT',
  /** A time or duration that is neither ISO 8601 nor a duration such as 10m. */
  BadTime: 'OPS_BAD_TIME',
  UnknownTopic: 'OPS_UNKNOWN_TOPIC',
  UnknownPartition: 'OPS_UNKNOWN_PARTITION',
  UnknownGroup: 'OPS_UNKNOWN_GROUP',
  /** An explicit offset outside the partition's [earliest, latest]. */
  OffsetOutOfRange: 'OPS_OFFSET_OUT_OF_RANGE',
  /** A topic to create exists already. */
  TopicExists: 'OPS_TOPIC_EXISTS',
  /** Records are to keep their partition number, and the target does not have it. */
  TargetTooFewPartitions: 'OPS_TARGET_TOO_FEW_PARTITIONS',
  /** A group with members: they would overwrite a reset with their next commit. */
  GroupActive: 'OPS_GROUP_ACTIVE',
  /** Its first record carries no dead-letter headers, and its name does not say `.dlq`. */
  NotADeadLetterTopic: 'OPS_NOT_A_DEAD_LETTER_TOPIC',
  KafkaUnavailable: 'OPS_KAFKA_UNAVAILABLE',
  RegistryUnavailable: 'OPS_REGISTRY_UNAVAILABLE',
  /** Kafka or the registry refused the credentials or the certificate. */
  AuthenticationFailed: 'OPS_AUTHENTICATION_FAILED',
  /** Authenticated, but an ACL does not allow the operation. */
  NotAuthorized: 'OPS_NOT_AUTHORIZED',
  /** A partition sent to was not in Kafka's answer after every attempt (kafkajs#1303). */
  SendNotAcknowledged: 'OPS_SEND_NOT_ACKNOWLEDGED',
} as const;
export type OpsErrorCode = (typeof OpsErrorCode)[keyof typeof OpsErrorCode];

/**
 * The kind of fix an error calls for, when it is more than correcting the parameter named:
 * each front end says it in its own words (a CLI flag, a console button).
 */
export const OpsRemedy = {
  /** Point the client at the brokers (where Kafka is). */
  ConfigureBrokers: 'configure-brokers',
  /** Create the missing target like the source. */
  CreateTarget: 'create-target',
  /** Place records by key instead of keeping their partition. */
  PlaceByKey: 'place-by-key',
  /** Point at the registry, or read without decoding. */
  SkipDecoding: 'skip-decoding',
  /** A shift needs a committed offset: move to an offset, a time, earliest or latest instead. */
  AbsoluteTarget: 'absolute-target',
  /** Run the same operation again: it resumes where it stopped. */
  RunAgain: 'run-again',
} as const;
export type OpsRemedy = (typeof OpsRemedy)[keyof typeof OpsRemedy];

/**
 * What a front end needs to say an error its own way. A message names a parameter by its
 * name in the library's options (`toTopic`, `fromOffset`), each listed in `fields`, so a CLI
 * can put its flag where the name stands; it never names a flag itself.
 */
export interface OpsErrorDetail {
  readonly fields?: readonly string[];
  readonly remedy?: OpsRemedy;
  readonly topic?: string;
  readonly sourceTopic?: string;
}

const { Transient, Final } = Classification;

/** Per code: only the world being briefly away is worth the same call again. */
const OPS_ERRORS: Readonly<Record<OpsErrorCode, Classification>> = {
  [OpsErrorCode.BadArgument]: Final,
  [OpsErrorCode.BadTime]: Final,
  [OpsErrorCode.UnknownTopic]: Final,
  [OpsErrorCode.UnknownPartition]: Final,
  [OpsErrorCode.UnknownGroup]: Final,
  [OpsErrorCode.OffsetOutOfRange]: Final,
  [OpsErrorCode.TopicExists]: Final,
  [OpsErrorCode.TargetTooFewPartitions]: Final,
  [OpsErrorCode.GroupActive]: Final,
  [OpsErrorCode.NotADeadLetterTopic]: Final,
  [OpsErrorCode.KafkaUnavailable]: Transient,
  [OpsErrorCode.RegistryUnavailable]: Transient,
  [OpsErrorCode.AuthenticationFailed]: Final,
  [OpsErrorCode.NotAuthorized]: Final,
  [OpsErrorCode.SendNotAcknowledged]: Transient,
};

export class OpsError extends EventlineError<OpsErrorCode> {
  override readonly name = 'OpsError';
  readonly detail: OpsErrorDetail;

  constructor(code: OpsErrorCode, message: string, options: { cause?: unknown; detail?: OpsErrorDetail } = {}) {
    super(code, message, OPS_ERRORS[code], { cause: options.cause });
    this.detail = options.detail ?? {};
  }
}

export function isOpsError(err: unknown, code?: OpsErrorCode): err is OpsError {
  return err instanceof OpsError && (code === undefined || err.code === code);
}

/** A malformed or contradictory parameter; `fields` are the parameter names the message uses. */
export function badArgument(message: string, ...fields: string[]): OpsError {
  return new OpsError(OpsErrorCode.BadArgument, message, { detail: { fields } });
}
