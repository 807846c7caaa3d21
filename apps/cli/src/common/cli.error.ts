import { ExitCode } from './exit-code';

/** Every failure the CLI reports on purpose, each with the exit code it ends the process with. */
export const CliErrorCode = {
  BadArgument: 'CLI_BAD_ARGUMENT',
  /** Connection settings (flags, env, --command-config file) that cannot work. */
  ConfigInvalid: 'CLI_CONFIG_INVALID',
  /** Kafka or the registry refused the credentials or the certificate. */
  AuthenticationFailed: 'CLI_AUTHENTICATION_FAILED',
  /** Authenticated, but an ACL (or registry role) does not allow the operation. */
  NotAuthorized: 'CLI_NOT_AUTHORIZED',
  BadTime: 'CLI_BAD_TIME',
  UnknownTopic: 'CLI_UNKNOWN_TOPIC',
  UnknownPartition: 'CLI_UNKNOWN_PARTITION',
  UnknownGroup: 'CLI_UNKNOWN_GROUP',
  OffsetOutOfRange: 'CLI_OFFSET_OUT_OF_RANGE',
  TargetTooFewPartitions: 'CLI_TARGET_TOO_FEW_PARTITIONS',
  GroupActive: 'CLI_GROUP_ACTIVE',
  KafkaUnavailable: 'CLI_KAFKA_UNAVAILABLE',
  RegistryUnavailable: 'CLI_REGISTRY_UNAVAILABLE',
  SendNotAcknowledged: 'CLI_SEND_NOT_ACKNOWLEDGED',
  /** `acls plan` against brokers without an authorizer: ACLs neither apply nor can be listed. */
  NoAuthorizer: 'CLI_NO_AUTHORIZER',
  /** Stopped by Ctrl-C or SIGTERM before the command was done. */
  Interrupted: 'CLI_INTERRUPTED',
} as const;
export type CliErrorCode = (typeof CliErrorCode)[keyof typeof CliErrorCode];

const EXIT_CODES: Record<CliErrorCode, ExitCode> = {
  [CliErrorCode.BadArgument]: ExitCode.Usage,
  [CliErrorCode.ConfigInvalid]: ExitCode.Usage,
  [CliErrorCode.AuthenticationFailed]: ExitCode.Failure,
  [CliErrorCode.NotAuthorized]: ExitCode.Failure,
  [CliErrorCode.BadTime]: ExitCode.Usage,
  [CliErrorCode.UnknownTopic]: ExitCode.Usage,
  [CliErrorCode.UnknownPartition]: ExitCode.Usage,
  [CliErrorCode.UnknownGroup]: ExitCode.Usage,
  [CliErrorCode.OffsetOutOfRange]: ExitCode.Usage,
  [CliErrorCode.TargetTooFewPartitions]: ExitCode.Refused,
  [CliErrorCode.GroupActive]: ExitCode.Refused,
  [CliErrorCode.KafkaUnavailable]: ExitCode.Failure,
  [CliErrorCode.RegistryUnavailable]: ExitCode.Failure,
  [CliErrorCode.SendNotAcknowledged]: ExitCode.Failure,
  // Refused rather than failed: the cluster answered, and asking again cannot succeed.
  [CliErrorCode.NoAuthorizer]: ExitCode.Refused,
  [CliErrorCode.Interrupted]: ExitCode.Interrupted,
};

// Only the world being briefly unavailable is worth running the same command again for.
const RETRIABLE = new Set<CliErrorCode>([CliErrorCode.KafkaUnavailable, CliErrorCode.RegistryUnavailable, CliErrorCode.SendNotAcknowledged]);

export class CliError extends Error {
  override readonly name = 'CliError';
  readonly exitCode: ExitCode;
  readonly retriable: boolean;

  constructor(
    readonly code: CliErrorCode,
    message: string,
    options: { cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.exitCode = EXIT_CODES[code];
    this.retriable = RETRIABLE.has(code);
  }
}

export function isCliError(err: unknown, code?: CliErrorCode): err is CliError {
  return err instanceof CliError && (code === undefined || err.code === code);
}

export function badArgument(message: string): CliError {
  return new CliError(CliErrorCode.BadArgument, message);
}
