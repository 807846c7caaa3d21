import { CliError, type CliErrorCode } from '../common/cli.error';
import { ExitCode } from '../common/exit-code';

/**
 * The failure only `acls plan` reports. It carries its own code and exit code instead of a
 * row in common/cli.error.ts's table, which the connection work is still changing; once that
 * settles it belongs there (same value, so scripts see no change).
 */
export const AclsErrorCode = {
  /** The brokers run without an authorizer: ACLs neither apply nor can be listed. */
  NoAuthorizer: 'CLI_NO_AUTHORIZER',
} as const;
export type AclsErrorCode = (typeof AclsErrorCode)[keyof typeof AclsErrorCode];

export class NoAuthorizerError extends CliError {
  // Refused rather than failed: the cluster answered, and asking it again cannot succeed; a
  // script can tell "ACLs do not apply here" from an outage (1) and from a typo (2).
  override readonly exitCode = ExitCode.Refused;
  override readonly retriable = false;

  constructor(message: string, options: { cause?: unknown } = {}) {
    // CliError types its code as CliErrorCode; the value is ours (see above).
    super(AclsErrorCode.NoAuthorizer as unknown as CliErrorCode, message, options);
  }
}
