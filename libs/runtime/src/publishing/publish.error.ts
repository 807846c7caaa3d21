/** Why a publish failed; `retriable` says whether the same call may succeed later. */
export const PublishErrorCode = {
  UnknownEventType: 'PUBLISH_UNKNOWN_EVENT_TYPE',
  InvalidPayload: 'PUBLISH_INVALID_PAYLOAD',
  SchemaNotRegistered: 'PUBLISH_SCHEMA_NOT_REGISTERED',
  RegistryUnavailable: 'PUBLISH_REGISTRY_UNAVAILABLE',
  BrokerUnavailable: 'PUBLISH_BROKER_UNAVAILABLE',
  NotAcknowledged: 'PUBLISH_NOT_ACKNOWLEDGED',
  Closed: 'PUBLISH_CLOSED',
} as const;
export type PublishErrorCode = (typeof PublishErrorCode)[keyof typeof PublishErrorCode];

const RETRIABLE: ReadonlySet<PublishErrorCode> = new Set([
  PublishErrorCode.RegistryUnavailable,
  PublishErrorCode.BrokerUnavailable,
  PublishErrorCode.NotAcknowledged,
]);

export class PublishError extends Error {
  override readonly name = 'PublishError';
  readonly retriable: boolean;
  readonly poison = false;

  constructor(
    readonly code: PublishErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.retriable = RETRIABLE.has(code);
  }
}
