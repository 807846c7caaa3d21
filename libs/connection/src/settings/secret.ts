import { inspect } from 'node:util';

const REDACTED = '[redacted]';

/**
 * A password, key passphrase or token. It prints as `[redacted]` however it is printed
 * (template string, JSON, util.inspect, pino), so a settings object can be logged or
 * returned by an API without leaking; only `reveal()` hands out the value, at the one place
 * that passes it to a client.
 */
export class Secret {
  readonly #value: string;

  constructor(
    value: string,
    /** Where it came from, e.g. `KAFKA_SASL_PASSWORD_FILE=/run/secrets/kafka`: safe to print. */
    readonly source: string,
  ) {
    this.#value = value;
  }

  reveal(): string {
    return this.#value;
  }

  toString(): string {
    return REDACTED;
  }

  toJSON(): string {
    return REDACTED;
  }

  [inspect.custom](): string {
    return REDACTED;
  }
}
