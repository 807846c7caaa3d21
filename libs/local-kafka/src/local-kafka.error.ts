/**
 * Every failure of the launcher that a person must act on. `hint` is the one thing to do
 * next; the CLI prints message and hint and exits non-zero.
 */
export const LocalKafkaErrorCode = {
  JavaMissing: 'LOCAL_KAFKA_JAVA_MISSING',
  MavenMissing: 'LOCAL_KAFKA_MAVEN_MISSING',
  JarsUnavailable: 'LOCAL_KAFKA_JARS_UNAVAILABLE',
  PortTaken: 'LOCAL_KAFKA_PORT_TAKEN',
  StorageBroken: 'LOCAL_KAFKA_STORAGE_BROKEN',
  StartTimeout: 'LOCAL_KAFKA_START_TIMEOUT',
  ExitedEarly: 'LOCAL_KAFKA_EXITED_EARLY',
  UnknownNode: 'LOCAL_KAFKA_UNKNOWN_NODE',
  NotRunning: 'LOCAL_KAFKA_NOT_RUNNING',
  InvalidOption: 'LOCAL_KAFKA_INVALID_OPTION',
  OpensslFailed: 'LOCAL_KAFKA_OPENSSL_FAILED',
  /** The secure cluster's credentials file is missing or does not match its storage. */
  CredentialsUnavailable: 'LOCAL_KAFKA_CREDENTIALS_UNAVAILABLE',
  /** The launcher's own admin login was refused by the broker it started. */
  AuthenticationFailed: 'LOCAL_KAFKA_AUTHENTICATION_FAILED',
  /** A Kafka command-line tool run from the cached jars (kafka-configs) failed. */
  ToolFailed: 'LOCAL_KAFKA_TOOL_FAILED',
} as const;
export type LocalKafkaErrorCode = (typeof LocalKafkaErrorCode)[keyof typeof LocalKafkaErrorCode];

export class LocalKafkaError extends Error {
  override readonly name = 'LocalKafkaError';
  constructor(
    readonly code: LocalKafkaErrorCode,
    message: string,
    readonly hint?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
