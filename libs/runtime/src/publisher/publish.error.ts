import { Classification, EventlineError } from '@eventline/errors';

/**
 * Every way a publish can fail, as a stable code with what the caller should do about it.
 * `retriable`: the same publish may succeed later (broker or registry away, leader moving);
 * not retriable: the event, the schema or the configuration is wrong and will stay wrong.
 */
export const PublishErrorCode = {
  /** The payload does not fit its schema; `paths` names the fields. Nothing was sent. */
  InvalidPayload: 'PUBLISH_INVALID_PAYLOAD',
  /** The type is not in the event catalog. Nothing was sent. */
  UnknownEventType: 'PUBLISH_UNKNOWN_EVENT_TYPE',
  /** The event's schema is not registered under its subject (production codec mode). */
  SchemaNotRegistered: 'PUBLISH_SCHEMA_NOT_REGISTERED',
  /** The codec could not encode for another reason (registry refused the schema, …). */
  EncodingFailed: 'PUBLISH_ENCODING_FAILED',
  /** The schema registry did not answer; the schema id is not known yet. */
  RegistryUnavailable: 'PUBLISH_REGISTRY_UNAVAILABLE',
  /** Kafka could not be reached (or the topic's metadata read) within the bounded attempts. */
  BrokerUnavailable: 'PUBLISH_BROKER_UNAVAILABLE',
  /** Sends went out but Kafka never acknowledged the record's partition within the bounded attempts. */
  NotAcknowledged: 'PUBLISH_NOT_ACKNOWLEDGED',
  /** The broker refused the record for good (too large, not authorised, corrupt). */
  Rejected: 'PUBLISH_REJECTED',
  /** The event's topic is not in the cluster (Eventline never auto-creates topics). */
  UnknownTopic: 'PUBLISH_UNKNOWN_TOPIC',
  /** Publish options are wrong (an empty id, an invalid time, a key that is not a string). */
  InvalidOptions: 'PUBLISH_INVALID_OPTIONS',
  /** `publish` before `connect`. */
  NotConnected: 'PUBLISH_NOT_CONNECTED',
  /** `publish` after `disconnect` began. */
  Closed: 'PUBLISH_CLOSED',
  /** Publisher options make no sense; the message says what to change. */
  ConfigInvalid: 'PUBLISH_CONFIG_INVALID',
} as const;
export type PublishErrorCode = (typeof PublishErrorCode)[keyof typeof PublishErrorCode];

// A publish failure is never about a consumed record, so never poison: never a reason to
// dead-letter one.
const { Transient, Final } = Classification;

const CLASSIFICATION: Readonly<Record<PublishErrorCode, Classification>> = {
  [PublishErrorCode.InvalidPayload]: Final,
  [PublishErrorCode.UnknownEventType]: Final,
  [PublishErrorCode.SchemaNotRegistered]: Final,
  [PublishErrorCode.EncodingFailed]: Final,
  [PublishErrorCode.RegistryUnavailable]: Transient,
  [PublishErrorCode.BrokerUnavailable]: Transient,
  [PublishErrorCode.NotAcknowledged]: Transient,
  [PublishErrorCode.Rejected]: Final,
  // Retrying cannot create the topic; an operator must.
  [PublishErrorCode.UnknownTopic]: Final,
  [PublishErrorCode.InvalidOptions]: Final,
  // Connecting first makes the same call succeed.
  [PublishErrorCode.NotConnected]: Transient,
  [PublishErrorCode.Closed]: Final,
  [PublishErrorCode.ConfigInvalid]: Final,
};

export interface PublishErrorDetails {
  readonly cause?: unknown;
  /** The event type the failed publish was for, when known. */
  readonly eventType?: string;
  /** For invalid payloads: the offending fields, e.g. `lineItems.0.quantity: expected int`. */
  readonly paths?: readonly string[];
}

export class PublishError extends EventlineError<PublishErrorCode> {
  override readonly name = 'PublishError';
  readonly eventType?: string;
  readonly paths?: readonly string[];

  constructor(code: PublishErrorCode, message: string, details: PublishErrorDetails = {}) {
    super(code, message, CLASSIFICATION[code], details);
    this.eventType = details.eventType;
    this.paths = details.paths;
  }
}

export function isPublishError(error: unknown, code?: PublishErrorCode): error is PublishError {
  return error instanceof PublishError && (code === undefined || error.code === code);
}

/** Thrown at construction when options make no sense. */
export function publisherConfigError(problems: readonly string[]): PublishError {
  return new PublishError(PublishErrorCode.ConfigInvalid, `EventPublisher options: ${problems.join('; ')}`);
}
