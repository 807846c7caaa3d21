import { spawnSync } from 'node:child_process';
import { LocalKafkaError, LocalKafkaErrorCode } from './local-kafka.error';

export interface OpensslOptions {
  /** Fed to openssl's stdin (a CSR for `x509 -req`). */
  readonly input?: string;
  /** Extra environment, for passphrases passed as `-passout env:NAME` rather than in argv. */
  readonly env?: Readonly<Record<string, string>>;
}

const opensslCommand = (): string => process.env.OPENSSL || 'openssl';

/**
 * Runs openssl with an argument vector, never through a shell, and returns its stdout.
 * Keys are read from stdout by the caller so that they are written with mode 0600 from the
 * start instead of being created world-readable and chmod-ed afterwards.
 */
export function openssl(args: readonly string[], options: OpensslOptions = {}): string {
  const command = opensslCommand();
  const result = spawnSync(command, [...args], {
    encoding: 'utf8',
    input: options.input,
    env: { ...process.env, ...options.env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  if (result.error) {
    throw new LocalKafkaError(
      LocalKafkaErrorCode.OpensslFailed,
      `openssl was not found (tried "${command}"): the secure cluster makes its certificates with it.`,
      'Install OpenSSL (Debian/Ubuntu: apt-get install openssl; macOS: brew install openssl) or set OPENSSL=/path/to/openssl.',
      { cause: result.error },
    );
  }
  if (result.status !== 0) {
    throw new LocalKafkaError(
      LocalKafkaErrorCode.OpensslFailed,
      `"openssl ${args[0]}" failed (exit ${result.status}):\n${result.stderr.trim()}`,
      'Delete the tls folder the message names (or run "npm run kafka -- reset --security sasl-ssl") and start again.',
    );
  }
  return result.stdout;
}
