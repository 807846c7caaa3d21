import { Classification, EventlineError } from '@eventline/errors';
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

// Only the world being briefly unavailable is worth running the same command again for.
const { Transient, Final } = Classification;

/** Per code: the exit code the process ends with, and whether running it again may succeed. */
const CLI_ERRORS: Readonly<Record<CliErrorCode, Classification & { readonly exitCode: ExitCode }>> = {
  [CliErrorCode.BadArgument]: { exitCode: ExitCode.Usage, ...Final },
  [CliErrorCode.ConfigInvalid]: { exitCode: ExitCode.Usage, ...Final },
  [CliErrorCode.AuthenticationFailed]: { exitCode: ExitCode.Failure, ...Final },
  [CliErrorCode.NotAuthorized]: { exitCode: ExitCode.Failure, ...Final },
  [CliErrorCode.BadTime]: { exitCode: ExitCode.Usage, ...Final },
  [CliErrorCode.UnknownTopic]: { exitCode: ExitCode.Usage, ...Final },
  [CliErrorCode.UnknownPartition]: { exitCode: ExitCode.Usage, ...Final },
  [CliErrorCode.UnknownGroup]: { exitCode: ExitCode.Usage, ...Final },
  [CliErrorCode.OffsetOutOfRange]: { exitCode: ExitCode.Usage, ...Final },
  [CliErrorCode.TargetTooFewPartitions]: { exitCode: ExitCode.Refused, ...Final },
  [CliErrorCode.GroupActive]: { exitCode: ExitCode.Refused, ...Final },
  [CliErrorCode.KafkaUnavailable]: { exitCode: ExitCode.Failure, ...Transient },
  [CliErrorCode.RegistryUnavailable]: { exitCode: ExitCode.Failure, ...Transient },
  [CliErrorCode.SendNotAcknowledged]: { exitCode: ExitCode.Failure, ...Transient },
  // Refused rather than failed: the cluster answered, and asking again cannot succeed.
  [CliErrorCode.NoAuthorizer]: { exitCode: ExitCode.Refused, ...Final },
  [CliErrorCode.Interrupted]: { exitCode: ExitCode.Interrupted, ...Final },
};

export class CliError extends EventlineError<CliErrorCode> {
  override readonly name = 'CliError';
  readonly exitCode: ExitCode;

  constructor(code: CliErrorCode, message: string, options: { cause?: unknown } = {}) {
    super(code, message, CLI_ERRORS[code], options);
    this.exitCode = CLI_ERRORS[code].exitCode;
  }
}

export function isCliError(err: unknown, code?: CliErrorCode): err is CliError {
  return err instanceof CliError && (code === undefined || err.code === code);
}

export function badArgument(message: string): CliError {
  return new CliError(CliErrorCode.BadArgument, message);
}
