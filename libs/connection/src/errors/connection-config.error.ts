import { Classification, EventlineError } from '@eventline/errors';

/** Stable codes of the connection-configuration errors (part of the public contract). */
export const ConnectionErrorCode = {
  /** A setting is missing, malformed, contradicts another or names an unreadable file. */
  ConfigInvalid: 'CONNECTION_CONFIG_INVALID',
  /** Kafka or the registry refused to let us in: credentials, certificates, protocol. */
  AuthenticationFailed: 'CONNECTION_AUTHENTICATION_FAILED',
  /** Authenticated, but an ACL or a role does not allow the operation. */
  NotAuthorized: 'CONNECTION_NOT_AUTHORIZED',
  /** Nothing answered (or the answer was not Kafka's/the registry's): may pass by itself. */
  Unreachable: 'CONNECTION_UNREACHABLE',
} as const;
export type ConnectionErrorCode = (typeof ConnectionErrorCode)[keyof typeof ConnectionErrorCode];

/**
 * Every problem found while reading connection settings, reported together so one start
 * shows them all. Messages name the setting (and where it came from) and never a secret.
 */
export class ConnectionConfigError extends EventlineError<typeof ConnectionErrorCode.ConfigInvalid> {
  override readonly name = 'ConnectionConfigError';

  constructor(readonly problems: readonly string[]) {
    super(
      ConnectionErrorCode.ConfigInvalid,
      problems.length === 1 ? problems[0] : `connection settings are invalid:\n  - ${problems.join('\n  - ')}`,
      Classification.Final,
    );
  }
}

/**
 * A connection attempt that failed for a reason with a name: bad credentials, an untrusted
 * certificate, a missing ACL, a plaintext client on a TLS port. `message` is one line that
 * says what to change; the client's own error stays in `cause` for debug output.
 */
export class ConnectionError extends EventlineError<ConnectionErrorCode> {
  override readonly name = 'ConnectionError';

  constructor(code: ConnectionErrorCode, message: string, retriable: boolean, options?: { cause?: unknown }) {
    super(code, message, retriable ? Classification.Transient : Classification.Final, options);
  }
}
