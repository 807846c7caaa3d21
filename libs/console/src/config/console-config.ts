import { collectConnectionSettings, plainConnectionSettings, DEFAULT_BROKERS, Secret, type ConnectionSettings } from '@eventline/connection';
import type { Role } from '../api/console-api.types';
import { parseUsersFile, ROLES, type ConsoleUserEntry } from '../access/users-file';
import { ConsoleError, ConsoleErrorCode } from '../errors/console.error';
import { EnvReader } from './env.reader';
import { isLoopbackHost } from './loopback-host';

export type AuthMode = 'off' | 'users' | 'token';
export const AUTH_MODES: readonly AuthMode[] = ['off', 'users', 'token'];

export type ConsoleAuth =
  | { readonly mode: 'off' }
  | { readonly mode: 'users'; readonly users: readonly ConsoleUserEntry[]; readonly source: string }
  | { readonly mode: 'token'; readonly token: Secret; readonly role: Role };

export interface ConsoleConfig {
  readonly port: number;
  readonly host: string;
  readonly auth: ConsoleAuth;
  readonly sessionTtlMs: number;
  /** Take X-Forwarded-Proto / -Host / -For from the proxy in front (CONSOLE_TRUST_PROXY=1). */
  readonly trustProxy: boolean;
  /** The built front-end (index.html + assets). */
  readonly webDir: string;
  readonly auditTopic: string;
  readonly logLevel: 'debug' | 'info' | 'warn' | 'error';
  /** How often lag and dead-letter counts are sampled for the charts (CONSOLE_SAMPLE_SECONDS). */
  readonly sampleIntervalMs: number;
  /** Where Kafka and the registry are and who the console is to them (secrets print redacted). */
  readonly connection: ConnectionSettings;
}

export const DEFAULT_CONSOLE_PORT = 3300;
export const DEFAULT_AUDIT_TOPIC = '_eventline-audit';
/** A shared token is the only secret in token mode: short ones are guessable. */
const MIN_TOKEN_LENGTH = 16;

const AUTH_CHOICES =
  'choose how operators sign in: CONSOLE_USERS_FILE=<users.json> (named users, viewer/operator roles), ' +
  'CONSOLE_TOKEN or CONSOLE_TOKEN_FILE=<file> (one shared token), or CONSOLE_AUTH=off with CONSOLE_HOST=127.0.0.1 (no sign-in, this machine only)';

export interface ReadConsoleConfigOptions {
  readonly defaultWebDir: string;
  readonly readFile?: (path: string) => string;
}

/** Reads and checks every setting; throws one ConsoleError listing all problems. */
export function readConsoleConfig(env: NodeJS.ProcessEnv, options: ReadConsoleConfigOptions): ConsoleConfig {
  const read = new EnvReader(env, options.readFile);
  const host = read.string('CONSOLE_HOST', '127.0.0.1');
  const { settings, problems } = collectConnectionSettings({ env });
  read.problems.push(...problems);
  const config: ConsoleConfig = {
    port: read.number('CONSOLE_PORT', DEFAULT_CONSOLE_PORT, 0, 65535),
    host,
    auth: readAuth(read, host),
    sessionTtlMs: read.number('CONSOLE_SESSION_HOURS', 8, 0.05, 24 * 30, false) * 3_600_000,
    sampleIntervalMs: read.number('CONSOLE_SAMPLE_SECONDS', 10, 1, 3_600) * 1_000,
    trustProxy: read.flag('CONSOLE_TRUST_PROXY'),
    webDir: read.string('CONSOLE_WEB_DIR', options.defaultWebDir),
    auditTopic: readTopicName(read, 'CONSOLE_AUDIT_TOPIC', DEFAULT_AUDIT_TOPIC),
    logLevel: read.oneOf('CONSOLE_LOG_LEVEL', ['debug', 'info', 'warn', 'error'] as const, 'info'),
    // Only a placeholder when a problem was recorded: the throw below comes first.
    connection: settings ?? plainConnectionSettings([DEFAULT_BROKERS]),
  };
  if (read.problems.length > 0) {
    throw new ConsoleError(ConsoleErrorCode.ConfigInvalid, `the console cannot start; change these settings:\n  - ${read.problems.join('\n  - ')}`, {
      detail: { problems: read.problems },
    });
  }
  return config;
}

function readAuth(read: EnvReader, host: string): ConsoleAuth {
  const usersFile = read.optional('CONSOLE_USERS_FILE');
  const tokenSet = read.optional('CONSOLE_TOKEN') !== undefined || read.optional('CONSOLE_TOKEN_FILE') !== undefined;
  const explicit = read.optional('CONSOLE_AUTH');
  let mode: AuthMode;
  if (explicit !== undefined) {
    mode = read.oneOf('CONSOLE_AUTH', AUTH_MODES, 'users');
    if (!(AUTH_MODES as readonly string[]).includes(explicit)) return { mode: 'off' };
  } else if (usersFile !== undefined && tokenSet) {
    read.problems.push('CONSOLE_USERS_FILE and CONSOLE_TOKEN(_FILE) are both set: set CONSOLE_AUTH=users or CONSOLE_AUTH=token to say which one counts');
    return { mode: 'off' };
  } else if (usersFile !== undefined) mode = 'users';
  else if (tokenSet) mode = 'token';
  else {
    read.problems.push(`CONSOLE_AUTH is not set: ${AUTH_CHOICES}`);
    return { mode: 'off' };
  }

  if (mode === 'off') {
    if (!isLoopbackHost(host)) read.problems.push(`CONSOLE_AUTH=off is only allowed on a loopback address, not CONSOLE_HOST=${host}: ${AUTH_CHOICES}`);
    return { mode };
  }
  if (mode === 'users') {
    if (usersFile === undefined) {
      read.problems.push('CONSOLE_AUTH=users needs CONSOLE_USERS_FILE=<users.json>');
      return { mode: 'off' };
    }
    const text = read.file('CONSOLE_USERS_FILE', usersFile);
    if (text === undefined) return { mode: 'off' };
    const { users, problems } = parseUsersFile(text, `CONSOLE_USERS_FILE=${usersFile}`);
    read.problems.push(...problems);
    return { mode, users, source: usersFile };
  }
  const role = read.oneOf('CONSOLE_TOKEN_ROLE', ROLES, 'operator');
  const token = readToken(read);
  return token ? { mode, token, role } : { mode: 'off' };
}

function readToken(read: EnvReader): Secret | undefined {
  const direct = read.optional('CONSOLE_TOKEN');
  const path = read.optional('CONSOLE_TOKEN_FILE');
  if (direct !== undefined && path !== undefined) {
    read.problems.push('CONSOLE_TOKEN and CONSOLE_TOKEN_FILE are both set: keep one');
    return undefined;
  }
  let value: string | undefined;
  let source: string;
  if (direct !== undefined) {
    value = direct;
    source = 'CONSOLE_TOKEN';
  } else if (path !== undefined) {
    // A Kubernetes secret written with `echo` ends in a newline that is not part of the token.
    value = read.file('CONSOLE_TOKEN_FILE', path)?.replace(/\r?\n$/, '');
    source = `CONSOLE_TOKEN_FILE=${path}`;
  } else {
    read.problems.push('CONSOLE_AUTH=token needs CONSOLE_TOKEN or CONSOLE_TOKEN_FILE=<file>');
    return undefined;
  }
  if (value === undefined) return undefined;
  if (value.length < MIN_TOKEN_LENGTH || /\s/.test(value)) {
    read.problems.push(`${source}: the token must be at least ${MIN_TOKEN_LENGTH} characters without spaces (e.g. openssl rand -base64 32)`);
    return undefined;
  }
  return new Secret(value, source);
}

function readTopicName(read: EnvReader, name: string, fallback: string): string {
  const value = read.string(name, fallback);
  if (/^[A-Za-z0-9._-]{1,249}$/.test(value)) return value;
  read.problems.push(`${name}=${value}: not a Kafka topic name (letters, digits, . _ -)`);
  return fallback;
}
