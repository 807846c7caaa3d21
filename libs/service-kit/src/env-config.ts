import { Classification, EventlineError } from '@eventline/errors';
import { collectConnectionSettings, parseBrokerList, type ConnectionSettings } from '@eventline/connection';

/**
 * Reads a service's settings from the environment, collecting every problem so one start
 * reports them all; `done()` throws a ConfigError listing what to change.
 */
export class EnvReader {
  private readonly problems: string[] = [];

  constructor(private readonly env: NodeJS.ProcessEnv = process.env) {}

  string(name: string, fallback: string): string {
    const raw = this.env[name];
    return raw === undefined || raw === '' ? fallback : raw;
  }

  optional(name: string): string | undefined {
    const raw = this.env[name];
    return raw === undefined || raw === '' ? undefined : raw;
  }

  int(name: string, fallback: number, min: number, max = Number.MAX_SAFE_INTEGER): number {
    const raw = this.env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      this.problems.push(`${name}=${raw}: expected a whole number from ${min} to ${max}`);
      return fallback;
    }
    return value;
  }

  brokers(name = 'KAFKA_BROKERS', fallback = '127.0.0.1:9092'): string[] {
    const parsed = parseBrokerList(this.string(name, fallback), name);
    if ('problem' in parsed) {
      this.problems.push(parsed.problem);
      return [];
    }
    return parsed.brokers;
  }

  /**
   * Where Kafka and the registry are and how to authenticate (KAFKA_CLIENT_CONFIG, KAFKA_*,
   * SCHEMA_REGISTRY_*; see @eventline/connection). Undefined when a problem was recorded.
   */
  connection(): ConnectionSettings | undefined {
    const { settings, problems } = collectConnectionSettings({ env: this.env });
    this.problems.push(...problems);
    return settings;
  }

  url(name: string, fallback: string): string {
    const raw = this.string(name, fallback);
    try {
      const url = new URL(raw);
      if (!['http:', 'https:'].includes(url.protocol)) throw new Error('not http(s)');
      return raw.replace(/\/$/, '');
    } catch {
      this.problems.push(`${name}=${raw}: expected an http(s) URL such as ${fallback}`);
      return fallback;
    }
  }

  oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
    const raw = this.string(name, fallback);
    if (!(allowed as readonly string[]).includes(raw)) {
      this.problems.push(`${name}=${raw}: expected one of ${allowed.join(', ')}`);
      return fallback;
    }
    return raw as T;
  }

  done(service: string): void {
    if (this.problems.length > 0) throw new ConfigError(service, this.problems);
  }
}

export class ConfigError extends EventlineError<'SERVICE_CONFIG_INVALID'> {
  override readonly name = 'ConfigError';
  constructor(
    readonly service: string,
    readonly problems: readonly string[],
  ) {
    super('SERVICE_CONFIG_INVALID', `${service} cannot start; change these settings:\n  - ${problems.join('\n  - ')}`, Classification.Final);
  }
}
