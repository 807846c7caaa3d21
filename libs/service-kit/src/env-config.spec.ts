import { Classification, classificationOf, isClassifiedError } from '@eventline/errors';
import { ConfigError, EnvReader } from './env-config';

describe('EnvReader', () => {
  it('takes defaults for unset variables', () => {
    const env = new EnvReader({});
    expect(env.int('PORT', 3000, 1, 65535)).toBe(3000);
    expect(env.brokers()).toEqual(['127.0.0.1:9092']);
    expect(env.url('SCHEMA_REGISTRY_URL', 'http://127.0.0.1:8081')).toBe('http://127.0.0.1:8081');
    expect(() => env.done('svc')).not.toThrow();
  });

  it('reports every bad setting at once, naming each', () => {
    const env = new EnvReader({ PORT: '70000', KAFKA_BROKERS: 'nohost', SCHEMA_REGISTRY_URL: 'ftp://x', MODE: 'fast' });
    env.int('PORT', 3000, 1, 65535);
    env.brokers();
    env.url('SCHEMA_REGISTRY_URL', 'http://127.0.0.1:8081');
    env.oneOf('MODE', ['development', 'production'] as const, 'development');
    let error: unknown;
    try {
      env.done('orders-service');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toContain('orders-service cannot start');
    expect(message).toContain('PORT=70000');
    expect(message).toContain('KAFKA_BROKERS="nohost"');
    expect(message).toContain('SCHEMA_REGISTRY_URL=ftp://x');
    expect(message).toContain('MODE=fast: expected one of development, production');
  });

  it('refuses with a classified error: final, coded SERVICE_CONFIG_INVALID', () => {
    const error = new ConfigError('orders-service', ['PORT=70000: expected a whole number from 1 to 65535']);
    expect(isClassifiedError(error)).toBe(true);
    expect([error.code, classificationOf(error)]).toEqual(['SERVICE_CONFIG_INVALID', Classification.Final]);
  });
});
